using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Benchmarks;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Engagement;

/// <summary>
/// The benchmark state that ScoreSnapshot maintains on Azurite: whatever the order of scorings, replays, resends of a
/// period and scorings racing each other, it ends equal to the state computed from the profile's full history at once;
/// and reading it back costs two queries, then nothing until a scoring writes.
/// </summary>
public sealed class BenchmarkStateMaintenance : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public BenchmarkStateMaintenance(AzuriteFixture azurite)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(azurite, AzuriteFixture.NewPrefix())).Build();
        provider = new ServiceCollection().AddLogging().AddSocialWatchStorage(configuration).AddTenants(configuration).AddEngagement(configuration).BuildServiceProvider();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Property(Arbitrary = [typeof(ScoringRunArbitrary)], MaxTest = 12)]
    public async Task EndsEqualToTheStateComputedFromTheFullHistoryWhateverTheOrderOfScorings(ScoringRun run)
    {
        var (businessId, profileId) = await NewProfileAsync();
        var weeks = DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), run.Weeks);
        var scoring = provider.GetRequiredService<SnapshotScoring>();

        foreach (var batch in run.Batches)
        {
            // Concurrently, as the queue listener runs a batch of messages.
            await Task.WhenAll(batch.Select(send => scoring.ScoreAsync(Variant(businessId, profileId, weeks[send.Week], send.Week, send.Variant), Cancel)));
        }

        var history = run.LastVariants().Select(last => Variant(businessId, profileId, weeks[last.Week], last.Week, last.Variant)).ToList();
        var expectedScores = provider.GetRequiredService<HistoryScorer>().ScoreAll(history, responseTimeTarget: null);
        var expected = provider.GetRequiredService<BenchmarkCalculator>().ForProfile(expectedScores);
        var state = (await provider.GetRequiredService<IBenchmarkStateStore>().FindAsync(new ProfileKey(businessId, profileId), Cancel))!.Value;
        var stored = (await provider.GetRequiredService<ISnapshotStore>().ListAsync(businessId, Cancel)).Select(s => s.Value).OrderBy(s => s.Snapshot.PeriodStart).ToList();

        Assert.Equal(run.Weeks, state.ScoredPeriods);
        Assert.Equal(weeks[0], state.FirstPeriodStart);
        Assert.Equal(weeks[^1].AddDays(6), state.LatestPeriodEnd);
        Assert.Equal(Fingerprints.History(history), state.HistoryFingerprint);
        Assert.Equal(Json(expected), Json(state.Benchmarks));
        Assert.Equal(history, stored.Select(s => s.Snapshot));
        Assert.Equal(expectedScores.Select(Json), stored.Select(s => Json(s.Scores)));
    }

    [Fact]
    public async Task ReadsTheBusinessStateWithTwoQueriesThenNoneUntilAScoringWritesIt()
    {
        var (businessId, profileId) = await NewProfileAsync();
        var weeks = DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 3);
        var scoring = provider.GetRequiredService<SnapshotScoring>();
        var reports = provider.GetRequiredService<EngagementReports>();
        var tables = provider.GetRequiredService<StorageOperations>().Tables;
        await scoring.ScoreAsync(Variant(businessId, profileId, weeks[0], 0, 0), Cancel);
        await scoring.ScoreAsync(Variant(businessId, profileId, weeks[1], 1, 0), Cancel);

        var before = tables.Count;
        var first = await reports.BenchmarksAsync(businessId, Cancel);
        var afterFirst = tables.Count;
        var second = await reports.BenchmarksAsync(businessId, Cancel);
        var afterSecond = tables.Count;
        await scoring.ScoreAsync(Variant(businessId, profileId, weeks[2], 2, 0), Cancel);
        var rescored = await reports.BenchmarksAsync(businessId, Cancel);

        Assert.Equal(2, afterFirst - before); // the states and the profiles, side by side
        Assert.Equal(0, afterSecond - afterFirst);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(2, Assert.Single(second.Value!.Profiles).ScoredPeriods);
        Assert.NotEqual(first.Version, rescored.Version);
        Assert.Equal(3, Assert.Single(rescored.Value!.Profiles).ScoredPeriods);
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    private async Task<(string BusinessId, string ProfileId)> NewProfileAsync()
    {
        var businessId = "b-" + Guid.NewGuid().ToString("N")[..12];
        var profile = await provider.GetRequiredService<ProfileService>().CreateAsync(businessId, new ProfileInput(Network.Instagram, "https://instagram.example/rose", "rose"), Cancel);
        return (businessId, profile.Value!.Id);
    }

    /// <summary>Week <paramref name="week"/>'s snapshot as first sent (variant 0) or as sent again with corrected figures (1).</summary>
    private static EngagementSnapshot Variant(string businessId, string profileId, DateOnly start, int week, int variant) =>
        ScoringHost.Snapshot(businessId, profileId, Network.Instagram, start, followers: 1000 + (week * 10) + (variant * 400)) with
        {
            Reactions = 60 + (week * 7 % 30) + (variant * 50),
            Posts = 3 + ((week + variant) % 3),
        };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

/// <summary>One send of a week's snapshot: <see cref="Variant"/> 1 is the period sent again with other figures.</summary>
public sealed record SnapshotSend(int Week, int Variant);

/// <summary>
/// Weeks of one profile, each sent one to three times (replays and resends in any order), scored in batches whose sends run
/// concurrently. A batch never holds two different variants of one week, so the last variant sent is well defined.
/// </summary>
public sealed record ScoringRun(int Weeks, IReadOnlyList<IReadOnlyList<SnapshotSend>> Batches)
{
    public IEnumerable<SnapshotSend> LastVariants() =>
        Batches.SelectMany(b => b).GroupBy(s => s.Week).Select(g => g.Last()).OrderBy(s => s.Week);

    public override string ToString() =>
        $"{Weeks} weeks; batches {string.Join(" ", Batches.Select(b => "[" + string.Join(",", b.Select(s => $"w{s.Week}v{s.Variant}")) + "]"))}";

    public static Gen<ScoringRun> Generator { get; } =
        from weeks in Gen.Choose(1, 7)
        from copies in Gen.ArrayOf(Gen.Choose(1, 3), weeks)
        from variants in Gen.ArrayOf(Gen.Choose(0, 1), copies.Sum())
        from order in Gen.ArrayOf(Gen.Choose(0, 1_000_000), copies.Sum())
        from sizes in Gen.ArrayOf(Gen.Choose(1, 5), copies.Sum())
        select Make(weeks, copies, variants, order, sizes);

    private static ScoringRun Make(int weeks, int[] copies, int[] variants, int[] order, int[] sizes)
    {
        var sends = Enumerable.Range(0, weeks).SelectMany(w => Enumerable.Repeat(w, copies[w]))
            .Select((week, i) => (Send: new SnapshotSend(week, variants[i]), Key: order[i]))
            .OrderBy(s => s.Key).Select(s => s.Send).ToList();
        var batches = new List<IReadOnlyList<SnapshotSend>>();
        var current = new List<SnapshotSend>();
        foreach (var send in sends)
        {
            var conflicts = current.Any(s => s.Week == send.Week && s.Variant != send.Variant);
            if (conflicts || current.Count == sizes[batches.Count])
            {
                batches.Add(current);
                current = [];
            }

            current.Add(send);
        }

        batches.Add(current);
        return new ScoringRun(weeks, batches);
    }
}

public static class ScoringRunArbitrary
{
    public static Arbitrary<ScoringRun> Run() => ScoringRun.Generator.ToArbitrary();
}
