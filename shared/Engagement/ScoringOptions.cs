using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SocialWatch.Engagement;

/// <summary>
/// Limits on snapshots, thresholds of the scores and windows of the benchmarks. Every default is documented in
/// docs/engagement.md; a plan's own target (response time) takes precedence where one is given.
/// </summary>
public sealed class ScoringOptions
{
    public const string SectionName = "SocialWatch:Scoring";

    /// <summary>A snapshot covers at most this many days (a quarter by default): longer periods blur every rate.</summary>
    [Range(1, 366)]
    public int MaxPeriodDays { get; set; } = 92;

    /// <summary>A CSV upload larger than this is refused whole. A year of weekly rows for 20 profiles is about 200 KB.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxUploadRows { get; set; } = 10_000;

    /// <summary>Share of promotional posts above which a profile asks more than it gives (the 80/20 guidance).</summary>
    [Range(0.0, 100.0)]
    public double PromotionalShareThresholdPercent { get; set; } = 20;

    /// <summary>Used when the plan sets no response-time target of its own.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ResponseTimeTarget { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Share of posts signed by a named person that earns the personal-voice component in full.</summary>
    [Range(1.0, 100.0)]
    public double PersonalVoiceTargetPercent { get; set; } = 50;

    /// <summary>Share of returning engagers that earns the returning-engagers component in full.</summary>
    [Range(1.0, 100.0)]
    public double ReturningEngagersTargetPercent { get; set; } = 30;

    /// <summary>Follower growth (percent over the previous period) that, without more engagement per day, flags a giveaway spike.</summary>
    [Range(0.1, 1000.0)]
    public double FollowerSpikePercent { get; set; } = 10;

    /// <summary>The first this many periods of a profile form its baseline.</summary>
    [Range(1, 104)]
    public int BaselinePeriods { get; set; } = 4;

    /// <summary>Periods before the compared one whose median is the rolling median.</summary>
    [Range(1, 104)]
    public int RollingWindow { get; set; } = 8;

    /// <summary>Latest periods the trend and the goal projection are fitted on.</summary>
    [Range(3, 104)]
    public int TrendWindow { get; set; } = 8;

    /// <summary>
    /// A goal whose projection falls short is "behind" while the projection covers at least this fraction of the way from
    /// its baseline to its target, and "at risk" below it.
    /// </summary>
    [Range(0.0, 1.0)]
    public double GoalBehindFraction { get; set; } = 0.75;

    public HealthWeights Weights { get; set; } = new();
}

/// <summary>Weights of the health score's components; they need not add up to 100 (the score is a weighted share).</summary>
public sealed class HealthWeights
{
    public double Engagement { get; set; } = 30;
    public double Responsiveness { get; set; } = 20;
    public double GiveVersusAsk { get; set; } = 15;
    public double PostingFrequency { get; set; } = 15;
    public double ReturningEngagers { get; set; } = 10;
    public double PersonalVoice { get; set; } = 10;

    public IEnumerable<(string Name, double Weight)> All() =>
    [
        (nameof(Engagement), Engagement),
        (nameof(Responsiveness), Responsiveness),
        (nameof(GiveVersusAsk), GiveVersusAsk),
        (nameof(PostingFrequency), PostingFrequency),
        (nameof(ReturningEngagers), ReturningEngagers),
        (nameof(PersonalVoice), PersonalVoice),
    ];
}

public sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var failures = options.Weights.All()
            .Where(w => !double.IsFinite(w.Weight) || w.Weight is < 0 or > 100)
            .Select(w => $"{ScoringOptions.SectionName}:Weights:{w.Name} must be between 0 and 100; it is {w.Weight}.")
            .ToList();
        if (failures.Count == 0 && options.Weights.All().Sum(w => w.Weight) <= 0)
        {
            failures.Add($"{ScoringOptions.SectionName}:Weights must give at least one health component a weight above 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
