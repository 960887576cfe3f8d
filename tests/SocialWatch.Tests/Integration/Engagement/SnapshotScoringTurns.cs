using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks.Health;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Engagement;

/// <summary>
/// Scorings of one profile running at once in one instance (a year uploaded at once), on Azurite: they take turns instead
/// of racing for the benchmark state, and one turn does the work of every snapshot stored before it read the history.
/// </summary>
public sealed class SnapshotScoringTurns : IAsyncDisposable
{
    private const int Weeks = 8;
    private readonly ServiceProvider provider;

    public SnapshotScoringTurns(AzuriteFixture azurite)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(azurite, AzuriteFixture.NewPrefix())).Build();
        var services = new ServiceCollection().AddLogging().AddSocialWatchStorage(configuration).AddTenants(configuration).AddEngagement(configuration);
        services.AddTenantStore<IProfileHealthStore, TableProfileHealthStore>();
        services.AddSingleton<IProfileActivityLog, ProfileActivityLog>();
        services.AddSingleton<TableSnapshotStore>();
        services.AddSingleton<TableBenchmarkStateStore>();
        services.AddSingleton<CountsHistoryReads>();
        services.AddSingleton<ISnapshotStore>(p => p.GetRequiredService<CountsHistoryReads>());
        services.AddSingleton<CountsStateWrites>();
        services.AddSingleton<IBenchmarkStateStore>(p => p.GetRequiredService<CountsStateWrites>());
        provider = services.BuildServiceProvider();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScoresEverySnapshotStoredBeforeATurnReadTheHistoryInThatOneTurn()
    {
        var businessId = "b-" + Guid.NewGuid().ToString("N")[..12];
        var profileId = (await provider.GetRequiredService<ProfileService>().CreateAsync(businessId, new ProfileInput(Network.Instagram, "https://instagram.example/rose", "rose"), Cancel)).Value!.Id;
        var profile = new ProfileKey(businessId, profileId);
        var weeks = DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), Weeks);
        var history = weeks.Select((start, week) => ScoringHost.Snapshot(businessId, profileId, Network.Instagram, start, followers: 1000 + (week * 25)) with { Reactions = 60 + (week * 9) }).ToList();
        var scoring = provider.GetRequiredService<SnapshotScoring>();
        var turns = provider.GetRequiredService<ProfileScoringTurns>();

        // All at once, as the queue listener runs a batch, behind a turn held until every snapshot is stored.
        Task scored;
        using (var held = turns.Join(profile))
        {
            await held.WaitAsync(Cancel);
            scored = Task.WhenAll(history.Select(snapshot => scoring.ScoreAsync(snapshot, Cancel)));
            while (held.StoredBeforeRead() < Weeks)
            {
                await Task.Delay(10, Cancel);
            }
        }

        await scored;

        var states = provider.GetRequiredService<CountsStateWrites>();
        var state = (await states.FindAsync(profile, Cancel))!.Value;
        var stored = (await provider.GetRequiredService<TableSnapshotStore>().ListAsync(businessId, Cancel)).Select(s => s.Value).OrderBy(s => s.Snapshot.PeriodStart).ToList();
        var expected = provider.GetRequiredService<HistoryScorer>().ScoreAll(history, responseTimeTarget: null);
        var activity = (await provider.GetRequiredService<IProfileHealthStore>().FindAsync(profile, Cancel))!.Value.Activity;
        Assert.Equal(1, provider.GetRequiredService<CountsHistoryReads>().HistoryReads);
        Assert.Equal(1, states.Writes);
        Assert.Equal(0, states.Refused);
        Assert.Equal(Weeks, state.ScoredPeriods);
        Assert.Equal(Fingerprints.History(history), state.HistoryFingerprint);
        Assert.Equal(expected.Select(Json), stored.Select(s => Json(s.Scores)));
        Assert.Equal(new LastActivity(new DateTimeOffset(weeks[^1].AddDays(6).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ActivitySource.Snapshot), activity);
        Assert.Equal(0, turns.ActiveProfiles);
    }

    [Fact]
    public async Task PassesTheWrittenStateToTheNextTurnAndReadsItAgainWhenAnotherInstanceWroteIt()
    {
        var businessId = "b-" + Guid.NewGuid().ToString("N")[..12];
        var profileId = (await provider.GetRequiredService<ProfileService>().CreateAsync(businessId, new ProfileInput(Network.Instagram, "https://instagram.example/rose", "rose"), Cancel)).Value!.Id;
        var profile = new ProfileKey(businessId, profileId);
        var weeks = DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 3);
        var scoring = provider.GetRequiredService<SnapshotScoring>();
        var states = provider.GetRequiredService<CountsStateWrites>();

        // Another scoring of the profile in progress keeps its turns' memory alive between these three.
        using (provider.GetRequiredService<ProfileScoringTurns>().Join(profile))
        {
            await scoring.ScoreAsync(ScoringHost.Snapshot(businessId, profileId, Network.Instagram, weeks[0]), Cancel);
            await scoring.ScoreAsync(ScoringHost.Snapshot(businessId, profileId, Network.Instagram, weeks[1]), Cancel);
            var other = (await provider.GetRequiredService<TableBenchmarkStateStore>().FindAsync(profile, Cancel))!.Value;
            await provider.GetRequiredService<TableBenchmarkStateStore>().UpsertAsync(other with { UpdatedAt = other.UpdatedAt.AddSeconds(1) }, Cancel);
            await scoring.ScoreAsync(ScoringHost.Snapshot(businessId, profileId, Network.Instagram, weeks[2]), Cancel);
        }

        Assert.Equal(2, states.Reads); // before the first turn, and after the other instance's write was found
        Assert.Equal((4, 1), (states.Writes, states.Refused));
        Assert.Equal(3, (await states.FindAsync(profile, Cancel))!.Value.ScoredPeriods);
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    /// <summary>The real store, counting history reads.</summary>
    private sealed class CountsHistoryReads(TableSnapshotStore store) : SnapshotStoreDecorator(store)
    {
        private int historyReads;

        public int HistoryReads => Volatile.Read(ref historyReads);

        public override Task<IReadOnlyList<StoredPeriod>> ListProfileAsync(string businessId, string profileId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref historyReads);
            return base.ListProfileAsync(businessId, profileId, cancellationToken);
        }
    }

    /// <summary>The real store, counting state reads, writes tried and those refused (a version or existence conflict).</summary>
    private sealed class CountsStateWrites(TableBenchmarkStateStore store) : RecordStoreDecorator<ProfileKey, BenchmarkState>(store), IBenchmarkStateStore
    {
        private int reads;
        private int writes;
        private int refused;

        public int Reads => Volatile.Read(ref reads);

        public int Writes => Volatile.Read(ref writes);

        public int Refused => Volatile.Read(ref refused);

        public override Task<Versioned<BenchmarkState>?> FindAsync(ProfileKey key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref reads);
            return base.FindAsync(key, cancellationToken);
        }

        public override Task<WriteResult> InsertAsync(BenchmarkState record, CancellationToken cancellationToken) => Counted(base.InsertAsync(record, cancellationToken));

        public override Task<WriteResult> ReplaceAsync(BenchmarkState record, string? expectedVersion, CancellationToken cancellationToken) => Counted(base.ReplaceAsync(record, expectedVersion, cancellationToken));

        private async Task<WriteResult> Counted(Task<WriteResult> write)
        {
            Interlocked.Increment(ref writes);
            var result = await write;
            if (result.Status != WriteStatus.Written)
            {
                Interlocked.Increment(ref refused);
            }

            return result;
        }
    }
}
