using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using static SocialWatch.Engagement.Figures;

namespace SocialWatch.Benchmarks;

/// <summary>A plan's goal for one metric: reach <see cref="Target"/> by <see cref="Deadline"/>, starting from <see cref="Baseline"/>.</summary>
public sealed record Goal(EngagementMetric Metric, double Target, DateOnly Deadline, double? Baseline = null);

[JsonConverter(typeof(JsonStringEnumConverter<GoalStatus>))]
public enum GoalStatus
{
    [JsonStringEnumMemberName("on-track")] OnTrack,
    [JsonStringEnumMemberName("behind")] Behind,
    [JsonStringEnumMemberName("at-risk")] AtRisk,
    [JsonStringEnumMemberName("achieved")] Achieved,
    [JsonStringEnumMemberName("missed")] Missed,
    [JsonStringEnumMemberName("not-enough-data")] NotEnoughData,
}

/// <summary>
/// Where a goal stands: the latest value against the target, the value the trend projects at the deadline, and how much
/// of the way from the baseline to the target that projection covers.
/// </summary>
public sealed record GoalProgress(
    Goal Goal,
    MetricPoint? Latest,
    Change VsTarget,
    Measure Projected,
    Measure ProjectedProgress,
    GoalStatus Status,
    string Explanation);

public sealed class GoalEvaluator(IOptions<ScoringOptions> options)
{
    private readonly ScoringOptions options = options.Value;

    /// <param name="series">The metric's periods; only those ended by <paramref name="today"/> count.</param>
    public GoalProgress Evaluate(Goal goal, IEnumerable<MetricPoint> series, DateOnly today)
    {
        var higherIsBetter = goal.Metric.Definition().HigherIsBetter;
        bool Met(double value) => higherIsBetter ? value >= goal.Target : value <= goal.Target;
        var valued = series.Where(p => p.Value is not null && p.PeriodEnd <= today).OrderBy(p => p.PeriodStart).ToList();
        var notProjected = Measure.NotAvailable("no projection is needed or possible");

        if (valued.Count == 0)
        {
            return new GoalProgress(goal, null, Change.Between(null, goal.Target), notProjected, notProjected, GoalStatus.NotEnoughData, "No period has a value yet.");
        }

        var latest = valued[^1];
        var vsTarget = Change.Between(latest.Value, goal.Target);
        if (today > goal.Deadline)
        {
            var atDeadline = valued.LastOrDefault(p => p.PeriodEnd <= goal.Deadline);
            return atDeadline?.Value is { } final && Met(final)
                ? new GoalProgress(goal, latest, vsTarget, notProjected, notProjected, GoalStatus.Achieved, $"The last period before the deadline reached {Text(final)} against a target of {Text(goal.Target)}.")
                : new GoalProgress(goal, latest, vsTarget, notProjected, notProjected, GoalStatus.Missed, atDeadline is null
                    ? "No period before the deadline has a value."
                    : $"The last period before the deadline reached {Text(atDeadline.Value!.Value)} against a target of {Text(goal.Target)}.");
        }

        if (Met(latest.Value!.Value))
        {
            return new GoalProgress(goal, latest, vsTarget, notProjected, notProjected, GoalStatus.Achieved, $"The latest period reached {Text(latest.Value.Value)} against a target of {Text(goal.Target)}.");
        }

        var line = Statistics.TheilSen(valued.TakeLast(options.TrendWindow));
        if (line is null)
        {
            var tooFew = Measure.NotAvailable($"a projection needs {Statistics.MinimumTrendPeriods} periods with a value; there are {valued.Count}");
            return new GoalProgress(goal, latest, vsTarget, tooFew, tooFew, GoalStatus.NotEnoughData, $"Not met yet, and {tooFew.NotAvailableBecause}.");
        }

        // Every metric is 0 or more: a falling line projects no lower than 0.
        var projected = Math.Max(0, line.ValueAt(goal.Deadline));
        if (Met(projected))
        {
            return new GoalProgress(goal, latest, vsTarget, Measure.Of(projected), Measure.Of(1), GoalStatus.OnTrack,
                $"The trend projects {Text(projected)} at the deadline, meeting the target of {Text(goal.Target)}.");
        }

        var start = goal.Baseline ?? valued[0].Value!.Value;
        var progress = Measure.Ratio(projected - start, goal.Target - start, 1, "the baseline already equals the target");
        var status = progress.Value >= options.GoalBehindFraction ? GoalStatus.Behind : GoalStatus.AtRisk;
        var share = progress.Value is { } p ? $"{Text(p * 100)} % of the way from {Text(start)}" : "no progress measurable from a baseline equal to the target";
        return new GoalProgress(goal, latest, vsTarget, Measure.Of(projected), progress, status,
            $"The trend projects {Text(projected)} at the deadline against a target of {Text(goal.Target)}: {share}.");
    }
}
