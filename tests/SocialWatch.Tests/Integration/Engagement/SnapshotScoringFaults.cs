using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Engagement;

/// <summary>Scoring on Azurite when storage fails half-way: the snapshot written first survives, and the retry completes.</summary>
public sealed class SnapshotScoringFaults(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeepsTheSnapshotWhenSavingItsScoresFailsAndCompletesOnTheRetry()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(azurite, AzuriteFixture.NewPrefix())).Build();
        var services = new ServiceCollection().AddLogging().AddSocialWatchStorage(configuration).AddTenants(configuration).AddEngagement(configuration);
        services.AddSingleton<TableSnapshotStore>();
        services.AddSingleton<FailsSavingScoresOnce>();
        services.AddSingleton<ISnapshotStore>(provider => provider.GetRequiredService<FailsSavingScoresOnce>());
        await using var provider = services.BuildServiceProvider();
        var businessId = "b-" + Guid.NewGuid().ToString("N")[..12];
        var profile = (await provider.GetRequiredService<ProfileService>().CreateAsync(businessId, new ProfileInput(Network.Instagram, "https://instagram.example/rose", "rose"), Cancel)).Value!;
        var snapshot = ScoringHost.Snapshot(businessId, profile.Id, Network.Instagram, SocialWatch.Demo.DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 1)[0]);
        var scoring = provider.GetRequiredService<SnapshotScoring>();
        var store = provider.GetRequiredService<TableSnapshotStore>();

        await Assert.ThrowsAsync<IOException>(() => scoring.ScoreAsync(snapshot, Cancel));
        var kept = Assert.Single(await store.ListAsync(businessId, Cancel)).Value;
        Assert.Equal(snapshot, kept.Snapshot);
        Assert.Null(kept.Scores);
        Assert.Null(await provider.GetRequiredService<IBenchmarkStateStore>().FindAsync(new ProfileKey(businessId, profile.Id), Cancel));

        await scoring.ScoreAsync(snapshot, Cancel);

        var scored = Assert.Single(await store.ListAsync(businessId, Cancel)).Value;
        Assert.Equal(95, scored.Scores!.Engagements);
        Assert.Equal(1, (await provider.GetRequiredService<IBenchmarkStateStore>().FindAsync(new ProfileKey(businessId, profile.Id), Cancel))!.Value.ScoredPeriods);
    }

    /// <summary>The real store, whose first scores write fails as a storage outage would, after the snapshot was written.</summary>
    private sealed class FailsSavingScoresOnce(TableSnapshotStore store) : ISnapshotStore
    {
        private int saves;

        public Task SaveScoresAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref saves) == 1 ? throw new IOException("Storage went away half-way.") : store.SaveScoresAsync(businessId, scores, cancellationToken);

        public Task<IReadOnlyList<StoredPeriod>> ListProfileAsync(string businessId, string profileId, CancellationToken cancellationToken) => store.ListProfileAsync(businessId, profileId, cancellationToken);

        public Task<IReadOnlyList<SnapshotScores>> ListScoresAsync(string businessId, CancellationToken cancellationToken) => store.ListScoresAsync(businessId, cancellationToken);

        public Task<Versioned<ScoredSnapshot>?> FindAsync(SnapshotKey key, CancellationToken cancellationToken) => store.FindAsync(key, cancellationToken);

        public Task<IReadOnlyList<Versioned<ScoredSnapshot>>> ListAsync(string businessId, CancellationToken cancellationToken) => store.ListAsync(businessId, cancellationToken);

        public Task<WriteResult> InsertAsync(ScoredSnapshot record, CancellationToken cancellationToken) => store.InsertAsync(record, cancellationToken);

        public Task<WriteResult> UpsertAsync(ScoredSnapshot record, CancellationToken cancellationToken) => store.UpsertAsync(record, cancellationToken);

        public Task<WriteResult> ReplaceAsync(ScoredSnapshot record, string? expectedVersion, CancellationToken cancellationToken) => store.ReplaceAsync(record, expectedVersion, cancellationToken);

        public Task<WriteResult> DeleteAsync(SnapshotKey key, string? expectedVersion, CancellationToken cancellationToken) => store.DeleteAsync(key, expectedVersion, cancellationToken);

        public Task DeleteTenantAsync(string businessId, CancellationToken cancellationToken) => store.DeleteTenantAsync(businessId, cancellationToken);
    }
}
