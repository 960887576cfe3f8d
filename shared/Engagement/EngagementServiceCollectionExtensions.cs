using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;
using SocialWatch.Campaigns;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;

namespace SocialWatch.Engagement;

public static class EngagementServiceCollectionExtensions
{
    /// <summary>
    /// Snapshot validation and CSV reading, the scorer, benchmarks and goals, with options checked at start. The industry
    /// medians are read and checked here, so a broken reference file stops the app before it serves anything.
    /// </summary>
    public static IServiceCollection AddEngagementScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(IndustryMedians.LoadEmbedded());
        services.AddSingleton<SnapshotValidator>();
        services.AddSingleton<SnapshotCsvReader>();
        services.AddSingleton<SnapshotScorer>();
        services.AddSingleton<BenchmarkCalculator>();
        services.AddSingleton<GoalEvaluator>();
        services.AddSingleton<HistoryScorer>();
        return services;
    }

    /// <summary>
    /// Scoring as the app runs it (after AddSocialWatchStorage and AddTenants): the scoring queue, the snapshot, benchmark
    /// state and rejected-snapshot stores (each purged with its business), ingest, scoring, the reports and the campaign log.
    /// </summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngagementScoring(configuration);
        services.AddSingleton<ISnapshotQueue, SnapshotQueue>();
        services.AddTenantStore<ISnapshotStore, TableSnapshotStore>();
        services.AddTenantStore<IBenchmarkStateStore, TableBenchmarkStateStore>();
        services.AddTenantStore<IRejectedSnapshotStore, TableRejectedSnapshotStore>();
        services.AddSingleton<SnapshotIngest>();
        services.AddSingleton<ProfileScoringTurns>();
        services.AddSingleton<SnapshotScoring>();
        services.AddSingleton<EngagementReports>();
        services.AddTenantStore<ICampaignStore, TableCampaignStore>();
        services.AddSingleton<CampaignService>();
        return services;
    }
}
