using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Collectors.Collection;
using SocialWatch.Engagement;
using SocialWatch.Functions;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Functional.Hosting;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Collectors;

namespace SocialWatch.Tests.Functional.Collectors;

/// <summary>
/// A blog registered through the API gets its last activity and last week's snapshot with no manual input: in local mode the
/// SweepCollections timer fires on its schedule and the collect queue's listener runs CollectProfile; as a custom handler the host's
/// POSTs do the same. Both leave the same collection behind, read back through GET .../collection.
/// </summary>
public sealed class CollectionInBothRuntimes(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    private SourceServer server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DateOnly LastWeek => SnapshotWeeks.WeekOf(now).AddDays(-7);

    public async ValueTask InitializeAsync()
    {
        server = await SourceServer.StartAsync(() => DateTimeOffset.UtcNow);
        var lastWeek = SnapshotWeeks.Start(LastWeek);
        // RSS dates are to the second: so are these.
        server.GeneratedPosts = [Seconds(now.AddSeconds(-5)), lastWeek.AddDays(3).AddHours(15), lastWeek.AddDays(1).AddHours(10)];
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task GiveAFeedProfileItsLastActivityAndWeeklySnapshotTheSameWay()
    {
        using var root = TestAppRoot.Create(TestAppRoot.Queues(("maxPollingInterval", "00:00:00.2")));

        var local = await RunLocallyAsync(root);
        var hosted = await RunAsCustomHandlerAsync(root);

        var expectedPosts = server.GeneratedPosts.Count(p => SnapshotWeeks.WeekOf(p) == LastWeek);
        foreach (var (view, snapshot, activity) in new[] { local, hosted })
        {
            Assert.Equal((server.GeneratedPosts[0], ActivitySource.Collector), (activity.At, activity.Source));
            Assert.Equal("feed", (string?)view["collector"]);
            Assert.Equal("collected", (string?)view["lastStatus"]);
            Assert.Equal(3, (int)view["itemsSeen"]!);
            Assert.Equal(server.GeneratedPosts[0], DateTimeOffset.Parse((string)view["lastActivityAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("alive", (string?)view["life"]);
            Assert.Null(view["lastError"]);
            Assert.Equal((LastWeek, LastWeek.AddDays(6), (long)expectedPosts), (snapshot.PeriodStart, snapshot.PeriodEnd, snapshot.Posts));
        }

        Assert.Equal(Comparable(local.View), Comparable(hosted.View));
        Assert.Equal(local.Snapshot with { BusinessId = "", ProfileId = "", SnapshotId = "" }, hosted.Snapshot with { BusinessId = "", ProfileId = "", SnapshotId = "" });
    }

    private async Task<(JsonObject View, EngagementSnapshot Snapshot, (ProfileKey Profile, DateTimeOffset At, ActivitySource Source) Activity)> RunLocallyAsync(TestAppRoot root)
    {
        var snapshots = new RecordedSnapshots();
        var activity = new RecordedActivity();
        await using var app = new FunctionsAppFactory(azurite, root, AzuriteFixture.NewPrefix(), services => Register(services, snapshots, activity), new Dictionary<string, string?>(Settings)
        {
            [$"AzureWebJobs.{SweepCollections.Name}.Disabled"] = "false",
            [$"AzureWebJobs.{CollectProfile.Name}.Disabled"] = "false",
            ["COLLECT_SCHEDULE"] = "*/1 * * * * *",
        });
        var client = app.CreateClient();
        var (businessId, profileId) = await RegisterBlogAsync(client);

        JsonObject? view = null;
        await Eventually.TrueAsync(async () => (view = await CollectionAsync(client, businessId, profileId))["lastCollectedAt"] is not null, "the timer and queue to collect the blog");
        return (view!, Assert.Single(snapshots.Items), Assert.Single(activity.Entries));
    }

    private async Task<(JsonObject View, EngagementSnapshot Snapshot, (ProfileKey Profile, DateTimeOffset At, ActivitySource Source) Activity)> RunAsCustomHandlerAsync(TestAppRoot root)
    {
        var snapshots = new RecordedSnapshots();
        var activity = new RecordedActivity();
        var prefix = AzuriteFixture.NewPrefix();
        await using var app = new FunctionsAppFactory(azurite, root, prefix, services => Register(services, snapshots, activity), Settings, customHandler: true);
        var client = app.CreateClient();
        var (businessId, profileId) = await RegisterBlogAsync(client);

        var swept = await client.PostAsJsonAsync(new Uri($"/{SweepCollections.Name}", UriKind.Relative), CustomHandlerInvocation.TimerPayload("null", isPastDue: false), Cancel);
        Assert.Equal(HttpStatusCode.OK, swept.StatusCode);
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{CollectionQueue.QueueName}", StorageServiceCollectionExtensions.QueueClientOptions());
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32, cancellationToken: Cancel)).Value);
        var collected = await client.PostAsJsonAsync(new Uri($"/{CollectProfile.Name}", UriKind.Relative), CustomHandlerInvocation.QueuePayload(JsonNode.Parse(message.Body.ToString())!, dequeueCount: 1), Cancel);
        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);

        return (await CollectionAsync(client, businessId, profileId), Assert.Single(snapshots.Items), Assert.Single(activity.Entries));
    }

    private static Dictionary<string, string?> Settings => new() { ["SocialWatch:Checks:AllowLoopback"] = "true" };

    private static void Register(IServiceCollection services, RecordedSnapshots snapshots, RecordedActivity activity) => services
        .AddSingleton<ISnapshotQueue>(snapshots)
        .AddSingleton<IProfileActivityLog>(activity);

    private async Task<(string BusinessId, string ProfileId)> RegisterBlogAsync(HttpClient client)
    {
        var businessId = await client.CreateBusinessAsync();
        var profileId = await client.CreateProfileAsync(businessId, new JsonObject
        {
            ["network"] = "blog",
            ["url"] = "https://rosasbakery.example/",
            ["handle"] = "rosasbakery",
            ["feedUrl"] = server.Url("/generated.rss").ToString(),
        });
        return (businessId, profileId);
    }

    private static async Task<JsonObject> CollectionAsync(HttpClient client, string businessId, string profileId) =>
        (await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/profiles/{profileId}/collection", ApiHost.AdminKey)).OkJsonAsync()).AsObject();

    /// <summary>The view without what differs by when and where it ran.</summary>
    private static string Comparable(JsonObject view)
    {
        var copy = view.DeepClone().AsObject();
        foreach (var moment in new[] { "lastCollectedAt", "lifeSeenAt", "nextDueAt" })
        {
            copy.Remove(moment);
        }

        return copy.ToJsonString();
    }

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);
}
