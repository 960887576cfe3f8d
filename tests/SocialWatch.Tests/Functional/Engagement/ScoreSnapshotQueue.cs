using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>The ScoreSnapshot function through the real local queue listener on Azurite: replays and snapshots that can never be scored.</summary>
public sealed class ScoreSnapshotQueue(ScoringHost host) : IClassFixture<ScoringHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScoresTheSameSnapshotSentTwiceOnceWithTheSameFigures()
    {
        var (businessId, ownerKey, profiles) = await host.NewBusinessAsync();
        var (profileId, shape) = profiles[0];
        var week = SocialWatch.Demo.DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 1)[0];
        var snapshot = ScoringHost.Snapshot(businessId, profileId, shape.Network, week);
        var states = host.Services.GetRequiredService<IBenchmarkStateStore>();
        var snapshots = host.Services.GetRequiredService<ISnapshotStore>();
        var queue = host.Services.GetRequiredService<ISnapshotQueue>();

        await queue.EnqueueAsync([snapshot], Cancel);
        await Eventually.TrueAsync(async () => await states.FindAsync(new ProfileKey(businessId, profileId), Cancel) is not null, "the first scoring");
        var first = (await states.FindAsync(new ProfileKey(businessId, profileId), Cancel))!;
        var firstScores = (await snapshots.ListAsync(businessId, Cancel)).Single().Value.Scores;

        await queue.EnqueueAsync([snapshot], Cancel);
        await Eventually.TrueAsync(async () => (await states.FindAsync(new ProfileKey(businessId, profileId), Cancel))!.Version != first.Version, "the replay's scoring");

        var history = (await snapshots.ListAsync(businessId, Cancel)).Select(s => s.Value).ToList();
        var replayed = (await states.FindAsync(new ProfileKey(businessId, profileId), Cancel))!.Value;
        Assert.Equal(1, replayed.ScoredPeriods);
        var stored = Assert.Single(history);
        Assert.Equal(Json(firstScores), Json(stored.Scores));
        Assert.Equal(Json(first.Value.Benchmarks), Json(replayed.Benchmarks));
        Assert.Equal(95, stored.Scores!.Engagements);
    }

    [Fact]
    public async Task RecordsWhyASnapshotCanNeverBeScoredAndPoisonsItsMessage()
    {
        var (businessId, ownerKey, profiles) = await host.NewBusinessAsync();
        var week = SocialWatch.Demo.DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 1)[0];
        // As a collector would send it for a profile deleted since: the ingest's check is behind it.
        var orphan = ScoringHost.Snapshot(businessId, "0123456789abcdef0123456789abcdef", Network.Instagram, week);
        var poison = host.Queue(SnapshotQueue.QueueName + "-poison");

        await host.Services.GetRequiredService<ISnapshotQueue>().EnqueueAsync([orphan], Cancel);

        await Eventually.TrueAsync(async () => await poison.ExistsAsync(Cancel) && (await poison.PeekMessagesAsync(10, Cancel)).Value.Length == 1, "the message in the poison queue");
        Assert.Equal(orphan, SnapshotQueue.Read(Assert.Single((await poison.PeekMessagesAsync(10, Cancel)).Value).Body.ToString()));
        var rejected = await (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/snapshots/rejected", ownerKey)).OkJsonAsync();
        var record = Assert.Single(rejected.AsArray())!;
        Assert.Equal(orphan.SnapshotId, (string)record["snapshotId"]!);
        Assert.Contains("no profile '0123456789abcdef0123456789abcdef'", (string)record["reason"]!, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<ISnapshotStore>().ListAsync(businessId, Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/profiles/{orphan.ProfileId}/benchmarks", ownerKey)).StatusCode);
    }

    private static string Json<T>(T value) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value))!.ToJsonString();
}
