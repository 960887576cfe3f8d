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
    private sealed class FailsSavingScoresOnce(TableSnapshotStore store) : SnapshotStoreDecorator(store)
    {
        private int saves;

        public override Task SaveScoresAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref saves) == 1 ? throw new IOException("Storage went away half-way.") : base.SaveScoresAsync(businessId, scores, cancellationToken);
    }
}
