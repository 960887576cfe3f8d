using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Campaigns;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Engagement;

/// <summary>The scored history the series and the campaign log read, served from the read cache, on Azurite.</summary>
public sealed class ScoredHistoryReads(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShowTheSnapshotScoredOnThisInstanceAtTheNextRead()
    {
        // A TTL far longer than the test: only the scoring's own forgetting can make the second snapshot show.
        var settings = new Dictionary<string, string?>(TestSettings.For(azurite, AzuriteFixture.NewPrefix())) { [$"{StorageOptions.SectionName}:ReadCacheTtl"] = "00:01:00" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSocialWatchStorage(configuration).AddTenants(configuration).AddEngagement(configuration);
        await using var provider = services.BuildServiceProvider();
        var businessId = "b-" + Guid.NewGuid().ToString("N")[..12];
        var profile = (await provider.GetRequiredService<ProfileService>().CreateAsync(businessId, new ProfileInput(Network.Instagram, "https://instagram.example/rose", "rose"), Cancel)).Value!;
        var weeks = SocialWatch.Demo.DemoSnapshots.WeekStarts(DateOnly.FromDateTime(DateTime.UtcNow), 2);
        var scoring = provider.GetRequiredService<SnapshotScoring>();
        var reports = provider.GetRequiredService<EngagementReports>();
        var campaigns = provider.GetRequiredService<CampaignService>();
        await campaigns.CreateAsync(businessId, new CampaignInput("Spring menu", weeks[0], "Seasonal dishes", "More engagement"), Cancel);
        await scoring.ScoreAsync(ScoringHost.Snapshot(businessId, profile.Id, Network.Instagram, weeks[0]), Cancel);
        Assert.Equal([weeks[0]], Assert.Single((await reports.SeriesAsync(businessId, "followers", Cancel)).Value!.Profiles).PeriodStarts);
        Assert.Single(Assert.Single((await campaigns.ListAsync(businessId, Cancel)).Value!.Items).After);

        await scoring.ScoreAsync(ScoringHost.Snapshot(businessId, profile.Id, Network.Instagram, weeks[1], followers: 1200), Cancel);

        var series = Assert.Single((await reports.SeriesAsync(businessId, "followers", Cancel)).Value!.Profiles);
        Assert.Equal(weeks, series.PeriodStarts);
        Assert.Equal([1000, 1200], series.Values);
        Assert.Equal(weeks, Assert.Single((await campaigns.ListAsync(businessId, Cancel)).Value!.Items).After.Select(p => p.PeriodStart));
    }
}
