using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;

namespace SocialWatch.Tests.Unit.Engagement;

public sealed class EngagementScoringRegistration
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddEngagementScoring(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public void ResolvesEveryServiceWithTheConfiguredOptions()
    {
        using var services = Services(new() { ["SocialWatch:Scoring:PromotionalShareThresholdPercent"] = "25", ["SocialWatch:Scoring:Weights:PersonalVoice"] = "0" });

        var scores = services.GetRequiredService<SnapshotScorer>().Score(Snapshots.Week);

        Assert.Equal(25, scores.GiveVersusAsk.ThresholdPercent);
        Assert.Equal(90.0, scores.Health.TotalWeight);
        Assert.NotNull(services.GetRequiredService<SnapshotCsvReader>());
        Assert.NotNull(services.GetRequiredService<BenchmarkCalculator>());
        Assert.NotNull(services.GetRequiredService<GoalEvaluator>());
        Assert.Equal(2022, services.GetRequiredService<IndustryMedians>().DataYear);
    }

    [Fact]
    public void RefusesToStartWithOptionsOutOfRange()
    {
        using var services = Services(new()
        {
            ["SocialWatch:Scoring:MaxPeriodDays"] = "0",
            ["SocialWatch:Scoring:Weights:Engagement"] = "-1",
        });

        var refused = Assert.Throws<OptionsValidationException>(() => Start(services));

        Assert.Contains(refused.Failures, f => f.Contains("MaxPeriodDays", StringComparison.Ordinal));
        Assert.Contains("SocialWatch:Scoring:Weights:Engagement must be between 0 and 100; it is -1.", refused.Failures);
    }

    [Fact]
    public void RefusesToStartWhenNoHealthComponentHasWeight()
    {
        using var services = Services(new()
        {
            ["SocialWatch:Scoring:Weights:Engagement"] = "0", ["SocialWatch:Scoring:Weights:Responsiveness"] = "0", ["SocialWatch:Scoring:Weights:GiveVersusAsk"] = "0",
            ["SocialWatch:Scoring:Weights:PostingFrequency"] = "0", ["SocialWatch:Scoring:Weights:ReturningEngagers"] = "0", ["SocialWatch:Scoring:Weights:PersonalVoice"] = "0",
        });

        var refused = Assert.Throws<OptionsValidationException>(() => Start(services));

        Assert.Equal("SocialWatch:Scoring:Weights must give at least one health component a weight above 0.", Assert.Single(refused.Failures));
    }

    /// <summary>What a host does at start: runs the ValidateOnStart checks.</summary>
    private static void Start(IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
