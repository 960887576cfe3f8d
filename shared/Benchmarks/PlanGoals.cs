using SocialWatch.Engagement.Scoring;
using SocialWatch.Plans;
using PlanGoal = SocialWatch.Plans.Goal;

namespace SocialWatch.Benchmarks;

/// <summary>A plan goal's status, or why snapshots cannot tell it (<see cref="NotTracked"/>).</summary>
public sealed record PlanGoalStatus(string GoalId, GoalMetric Metric, string? Unit, GoalProgress? Progress, string? NotTracked);

/// <summary>
/// Reads a plan's goals (business-wide) from the scores of all the business's profiles, period by period: counts are
/// summed over the profiles (per month for the monthly goals: the period's count ÷ its days × 30.44), rates are the mean
/// of the profiles' rates. Newsletter subscribers are not in snapshots, so that goal is reported as not tracked.
/// </summary>
public static class PlanGoals
{
    private const double DaysPerMonth = 365.25 / 12;

    public static PlanGoalStatus Evaluate(PlanGoal goal, IReadOnlyCollection<SnapshotScores> scores, GoalEvaluator evaluator, DateOnly today)
    {
        if (Track(goal.Metric) is not { } tracked)
        {
            return new PlanGoalStatus(goal.Id, goal.Metric, goal.Unit, null, "Snapshots do not carry this figure: it is not tracked here.");
        }

        var series = scores
            .GroupBy(s => (s.PeriodStart, s.PeriodEnd))
            .OrderBy(g => g.Key.PeriodStart)
            .Select(g => new MetricPoint(g.Key.PeriodStart, g.Key.PeriodEnd, tracked.Aggregate(g.ToList())))
            .ToList();
        var progress = evaluator.Evaluate(new Goal(tracked.Metric, goal.Target, goal.Deadline, goal.Baseline), series, today);
        return new PlanGoalStatus(goal.Id, goal.Metric, goal.Unit, progress, null);
    }

    private static (EngagementMetric Metric, Func<IReadOnlyList<SnapshotScores>, double?> Aggregate)? Track(GoalMetric metric) => metric switch
    {
        GoalMetric.LeadsPerMonth => (EngagementMetric.Leads, period => PerMonth(period, s => s.Funnel.Leads)),
        GoalMetric.Conversions => (EngagementMetric.Conversions, period => PerMonth(period, s => s.Funnel.Conversions)),
        GoalMetric.WebsiteVisitsFromSocial => (EngagementMetric.LinkClicks, period => PerMonth(period, s => s.Funnel.LinkClicks)),
        GoalMetric.Followers => (EngagementMetric.Followers, period => period.Sum(s => s.Followers)),
        GoalMetric.ResponseRate => (EngagementMetric.ResponseRate, period => Mean(period, s => s.Responsiveness.ResponseRatePercent.Value)),
        GoalMetric.EngagementRate => (EngagementMetric.EngagementRate, period => Mean(period, s => s.EngagementRate.ByFollowersPerPost.Value)),
        _ => null,
    };

    private static double? PerMonth(IReadOnlyList<SnapshotScores> period, Func<SnapshotScores, long?> count)
    {
        var counted = period.Where(s => count(s) is not null).ToList();
        return counted.Count == 0 ? null : counted.Sum(s => (double)count(s)!.Value / (s.PeriodEnd.DayNumber - s.PeriodStart.DayNumber + 1) * DaysPerMonth);
    }

    private static double? Mean(IReadOnlyList<SnapshotScores> period, Func<SnapshotScores, double?> rate)
    {
        var rates = period.Select(rate).OfType<double>().ToList();
        return rates.Count == 0 ? null : rates.Average();
    }
}
