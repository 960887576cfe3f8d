using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;
using SocialWatch.Engagement.Scoring;

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
        return services;
    }
}
