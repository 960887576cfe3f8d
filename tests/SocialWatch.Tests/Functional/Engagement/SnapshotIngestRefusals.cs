using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using SocialWatch.Engagement;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>
/// Bad snapshots get a problem naming the field, row or column at fault, and nothing of the request is queued. The
/// ScoreSnapshot listener is off here, so what the ingest queued stays in the queue to be counted.
/// </summary>
public sealed class SnapshotIngestRefusals(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string prefix = AzuriteFixture.NewPrefix();
    private AppHost app = null!;
    private string businessId = null!;
    private string ownerKey = null!;
    private string profileId = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.For(azurite, prefix);
        settings["AzureWebJobs.ScoreSnapshot.Disabled"] = "true";
        app = await AppHost.StartAsync(settings);
        businessId = await Client.CreateBusinessAsync();
        ownerKey = await Client.IssueKeyAsync(businessId, "owner");
        profileId = await Client.CreateProfileAsync(businessId, ApiScenario.Profile("instagram"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient Client => app.Client;

    /// <summary>The Monday of the last full week.</summary>
    private static DateOnly LastMonday => SocialWatch.Demo.DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 1)[0];

    /// <summary>A valid snapshot as a client sends it (the business comes from the route).</summary>
    private JsonObject Snapshot(string? profile = null)
    {
        var json = JsonNode.Parse(SnapshotQueue.Write(ScoringHost.Snapshot(businessId, profile ?? profileId, Profiles.Network.Instagram, LastMonday)))!.AsObject();
        json.Remove("businessId");
        return json;
    }

    private Task<HttpResponseMessage> PostAsync(JsonNode body) => Client.SendAsync(HttpMethod.Post, $"/api/businesses/{businessId}/snapshots", ownerKey, body);

    private Task<HttpResponseMessage> PostCsvAsync(string csv) => Client.SendRawAsync(HttpMethod.Post, $"/api/businesses/{businessId}/snapshots", ownerKey, csv, "text/csv");

    private async Task<int> QueuedAsync()
    {
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{SnapshotQueue.QueueName}", StorageServiceCollectionExtensions.QueueClientOptions());
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancel);
        return (await queue.PeekMessagesAsync(32, Cancel)).Value.Length;
    }

    [Fact]
    public async Task QueuesAnAcceptedSnapshotAndAnswersWithItsId()
    {
        var answer = await (await PostAsync(Snapshot())).OkJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(EngagementSnapshot.NaturalId(profileId, LastMonday, LastMonday.AddDays(6)), (string)answer["snapshotIds"]![0]!);
        Assert.Equal(1, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesANegativeCountNamingTheField()
    {
        var snapshot = Snapshot();
        snapshot["followers"] = -5;

        var errors = await (await PostAsync(snapshot)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("must not be negative", Assert.Single(errors["followers"]), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesAReversedPeriodNamingItsEnd()
    {
        var snapshot = Snapshot();
        snapshot["periodEnd"] = LastMonday.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var errors = await (await PostAsync(snapshot)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("ends before it starts", Assert.Single(errors["periodEnd"]), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesAWholeBatchWhenOneSnapshotNamesAnUnknownProfile()
    {
        var good = Snapshot();
        var unknown = Snapshot(profile: "0123456789abcdef0123456789abcdef");

        var errors = await (await PostAsync(new JsonArray(good, unknown))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["[1].profileId"], errors.Keys);
        Assert.Contains("no profile", errors["[1].profileId"][0], StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesAMissingRequiredFigureNamingIt()
    {
        var snapshot = Snapshot();
        snapshot.Remove("posts");

        var errors = await (await PostAsync(snapshot)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["is required"], errors["posts"]);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesACsvWithoutARequiredColumnNamingTheColumn()
    {
        var csv = $"profileId,network,periodStart,periodEnd,followers,reactions,comments,shares,repliesByBusiness,inboundNeedingAnswer,inboundAnswered,promotionalPosts,signedPosts\r\n"
            + $"{profileId},instagram,{LastMonday:yyyy-MM-dd},{LastMonday.AddDays(6):yyyy-MM-dd},1000,80,10,5,6,8,7,1,2\r\n";

        var errors = await (await PostCsvAsync(csv)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["required column is missing"], errors["row 1, column posts"]);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesACsvWithAnUnknownColumnAndABadCellNamingRowAndColumn()
    {
        var header = string.Join(',', SnapshotCsvReader.Columns.Select(c => c.Name));
        var good = SocialWatch.Demo.DemoSnapshots.Csv([ScoringHost.Snapshot(businessId, profileId, Profiles.Network.Instagram, LastMonday)]).Split("\r\n")[1];
        var wrongHeader = await (await PostCsvAsync(header + ",bogus\r\n" + good + ",x\r\n")).ProblemAsync(HttpStatusCode.BadRequest);
        var badCell = await (await PostCsvAsync(header + "\r\n" + good.Replace(",1000,", ",1.000,", StringComparison.Ordinal) + "\r\n")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("unknown column", Assert.Single(wrongHeader["row 1, column bogus"]), StringComparison.Ordinal);
        Assert.Contains("not a whole number", Assert.Single(badCell["row 2, column followers"]), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesA50MegabyteUploadWith413()
    {
        var header = string.Join(',', SnapshotCsvReader.Columns.Select(c => c.Name)) + "\r\n";
        var huge = header + new string('9', 50 * 1024 * 1024);

        var errors = await (await PostCsvAsync(huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("at most", Assert.Single(errors["$"]), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task RefusesA50MegabyteJsonBatchWith413()
    {
        // A valid snapshot first, then 50 MB of padding inside the array: refused by size, not by what follows.
        var huge = "[" + Snapshot().ToJsonString() + "," + new string(' ', 50 * 1024 * 1024) + "]";

        var errors = await (await Client.SendRawAsync(HttpMethod.Post, $"/api/businesses/{businessId}/snapshots", ownerKey, huge, "application/json")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("at most", Assert.Single(errors["$"]), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }
}
