using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;
using SocialWatch.Campaigns;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Storage;

file static class Samples
{
    public static readonly DateTimeOffset Stamp = new(2026, 3, 10, 8, 30, 15, 123, TimeSpan.Zero);

    private static readonly IOptions<ScoringOptions> Options = Microsoft.Extensions.Options.Options.Create(new ScoringOptions());
    private static readonly SnapshotScorer Scorer = new(Options, IndustryMedians.LoadEmbedded());

    public static string ProfileId(int number) => number.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static EngagementSnapshot Snapshot(string businessId, int number) => ScoringHost.Snapshot(businessId, ProfileId(number % 2), Network.Instagram, new DateOnly(2026, 1, 5).AddDays(7 * number)) with
    {
        Reach = 900,
        Impressions = 2000,
        UniqueEngagers = 60,
        ReturningEngagers = 20,
        LinkClicks = 12,
    };

    public static SnapshotScores Scores(EngagementSnapshot snapshot) => Scorer.Score(snapshot);

    public static ProfileBenchmarks Benchmarks(string businessId, int weeks) =>
        new BenchmarkCalculator(Options, IndustryMedians.LoadEmbedded()).ForProfile(Enumerable.Range(0, weeks).Select(w => Scores(Snapshot(businessId, 2 * w) with { Followers = 1000 + w })).ToList());
}

public class TableSnapshotStoreContract(AzuriteFixture azurite) : RecordStoreContract<SnapshotKey, ScoredSnapshot>(azurite)
{
    protected override IRecordStore<SnapshotKey, ScoredSnapshot> Store => Get<ISnapshotStore>();

    protected override ScoredSnapshot NewRecord(string businessId, int number)
    {
        var snapshot = Samples.Snapshot(businessId, number);
        return new ScoredSnapshot(snapshot, number % 2 == 0 ? Samples.Scores(snapshot) : null);
    }

    protected override ScoredSnapshot Changed(ScoredSnapshot record)
    {
        var snapshot = record.Snapshot with { Followers = 4321, MedianFirstResponseMinutes = null };
        return new ScoredSnapshot(snapshot, Samples.Scores(snapshot));
    }

    protected override SnapshotKey KeyOf(ScoredSnapshot record) => SnapshotKey.Of(record.Snapshot);

    [Fact]
    public async Task ListsOneProfilesHistoryInPeriodOrderWithScoreFingerprintsAndSetsScoresWithoutTouchingTheSnapshots()
    {
        var store = Get<ISnapshotStore>();
        var businessId = NewBusinessId();
        var records = Enumerable.Range(0, 12).Select(n => new ScoredSnapshot(Samples.Snapshot(businessId, n), null)).ToList();
        foreach (var record in Enumerable.Reverse(records))
        {
            await store.UpsertAsync(record, Cancellation);
        }

        Assert.Empty(await store.ListScoresAsync(businessId, Cancellation));
        var evens = records.Where(r => r.Snapshot.ProfileId == Samples.ProfileId(0)).Select(r => r.Snapshot).ToList();
        await store.SaveScoresAsync(businessId, evens.Select(Samples.Scores).ToList(), Cancellation);
        // The scores just written show at once, though the read cache held the history without them.
        Assert.Equal(Json(evens.Select(Samples.Scores)), Json(await store.ListScoresAsync(businessId, Cancellation)));
        var history = await store.ListProfileAsync(businessId, Samples.ProfileId(0), Cancellation);

        Assert.Equal(evens.Select(s => s.PeriodStart), history.Select(h => h.Snapshot.PeriodStart));
        Assert.All(history, h => Assert.Equal(Fingerprints.Scores(Samples.Scores(h.Snapshot)), h.ScoresFingerprint));
        AssertSame(new ScoredSnapshot(evens[0], Samples.Scores(evens[0])), (await store.FindAsync(SnapshotKey.Of(evens[0]), Cancellation))!.Value);
        Assert.All(await store.ListProfileAsync(businessId, Samples.ProfileId(1), Cancellation), h => Assert.Null(h.ScoresFingerprint));
    }

    private static string Json(IEnumerable<SnapshotScores> scores) => System.Text.Json.JsonSerializer.Serialize(scores.ToList(), System.Text.Json.JsonSerializerOptions.Web);
}

public class TableBenchmarkStateStoreContract(AzuriteFixture azurite) : RecordStoreContract<ProfileKey, BenchmarkState>(azurite)
{
    protected override IRecordStore<ProfileKey, BenchmarkState> Store => Get<IBenchmarkStateStore>();

    protected override BenchmarkState NewRecord(string businessId, int number) =>
        new(businessId, Samples.ProfileId(number), Network.Instagram, 10, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 15), Samples.Benchmarks(businessId, 10), "3q2+7w==", Samples.Stamp);

    protected override BenchmarkState Changed(BenchmarkState record) => record with { ScoredPeriods = 3, Benchmarks = Samples.Benchmarks(record.BusinessId, 3) };

    protected override ProfileKey KeyOf(BenchmarkState record) => new(record.BusinessId, record.ProfileId);
}

public class TableRejectedSnapshotStoreContract(AzuriteFixture azurite) : RecordStoreContract<RejectedSnapshotKey, RejectedSnapshot>(azurite)
{
    protected override IRecordStore<RejectedSnapshotKey, RejectedSnapshot> Store => Get<IRejectedSnapshotStore>();

    protected override RejectedSnapshot NewRecord(string businessId, int number) =>
        new(businessId, $"snapshot-{number}", Samples.ProfileId(number), new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11), "$.profileId: no profile in this business", Samples.Stamp);

    protected override RejectedSnapshot Changed(RejectedSnapshot record) => record with { Reason = "$.periodEnd: is in the future" };

    protected override RejectedSnapshotKey KeyOf(RejectedSnapshot record) => new(record.BusinessId, record.SnapshotId);
}

public class TableCampaignStoreContract(AzuriteFixture azurite) : RecordStoreContract<CampaignKey, Campaign>(azurite)
{
    protected override IRecordStore<CampaignKey, Campaign> Store => Get<ICampaignStore>();

    protected override Campaign NewRecord(string businessId, int number) =>
        new(businessId, Samples.ProfileId(number), $"Giveaway {number}", new DateOnly(2026, 4, 1), number % 2 == 0 ? new DateOnly(2026, 4, 14) : null,
            number % 2 == 0 ? [Network.Instagram, Network.GoogleBusiness] : [], "Win a cake 🎂, bring a friend.", "Followers and comments.", null, null, Samples.Stamp, Samples.Stamp);

    protected override Campaign Changed(Campaign record) => record with { Outcome = CampaignOutcome.Worked, OutcomeNote = "Comments doubled.", Networks = [Network.X] };

    protected override CampaignKey KeyOf(Campaign record) => new(record.BusinessId, record.Id);
}
