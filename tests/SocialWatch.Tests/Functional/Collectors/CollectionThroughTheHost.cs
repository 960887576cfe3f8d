using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Collectors.Collection;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Collectors;

namespace SocialWatch.Tests.Functional.Collectors;

/// <summary>
/// A blog registered through the API gets its last activity and last week's snapshot with no manual input: the local host
/// fires SweepCollections on its schedule, feeds CollectProfile from the collect queue and ScoreSnapshot from the snapshots
/// it queues, each through the worker; the collection view and the scored snapshot are read back.
/// </summary>
public sealed class CollectionThroughTheHost(AzuriteFixture azurite) : IAsyncLifetime
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
    public async Task GivesAFeedProfileItsLastActivityAndWeeklySnapshot()
    {
        var settings = TestSettings.For(azurite, AzuriteFixture.NewPrefix());
        settings["SocialWatch:Checks:AllowLoopback"] = "true";
        settings["COLLECT_SCHEDULE"] = "*/1 * * * * *";
        await using var app = await AppHost.StartAsync(settings);
        await using var services = TestStorage.AppServices(settings);
        var (businessId, profileId) = await RegisterBlogAsync(app.Client);

        JsonObject? view = null;
        await Eventually.TrueAsync(async () => (view = await CollectionAsync(app.Client, businessId, profileId))["lastCollectedAt"] is not null, "the timer and queue to collect the blog", TimeSpan.FromSeconds(30));
        var snapshots = services.GetRequiredService<ISnapshotStore>();
        IReadOnlyList<StoredPeriod> periods = [];
        await Eventually.TrueAsync(async () => (periods = await snapshots.ListProfileAsync(businessId, profileId, Cancel)).Count > 0, "the collected snapshot to be scored", TimeSpan.FromSeconds(30));

        Assert.Equal("feed", (string?)view!["collector"]);
        Assert.Equal("collected", (string?)view["lastStatus"]);
        Assert.Equal(3, (int)view["itemsSeen"]!);
        Assert.Equal(server.GeneratedPosts[0], DateTimeOffset.Parse((string)view["lastActivityAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("alive", (string?)view["life"]);
        Assert.Null(view["lastError"]);
        var snapshot = Assert.Single(periods).Snapshot;
        var expectedPosts = server.GeneratedPosts.Count(p => SnapshotWeeks.WeekOf(p) == LastWeek);
        Assert.Equal((LastWeek, LastWeek.AddDays(6), (long)expectedPosts), (snapshot.PeriodStart, snapshot.PeriodEnd, snapshot.Posts));
        var health = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/profiles/{profileId}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal(server.GeneratedPosts[0], DateTimeOffset.Parse((string)health["lastActivity"]!["at"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

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

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);
}
