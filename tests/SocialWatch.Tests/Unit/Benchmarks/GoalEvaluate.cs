using SocialWatch.Benchmarks;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Tests.Unit.Engagement;

namespace SocialWatch.Tests.Unit.Benchmarks;

/// <summary>
/// Weekly engagement rates 0.5, 0.6, 0.7, 0.8 from 2025-01-06 to 2025-02-02: a rise of 0.1 a week, the last week
/// centred on 2025-01-30. Today is 2025-02-03.
/// </summary>
public sealed class GoalEvaluate
{
    private const int Precision = 9;
    private static readonly DateOnly Today = new(2025, 2, 3);
    private static readonly DateOnly FirstMonday = new(2025, 1, 6);
    private readonly GoalEvaluator evaluator = new(Snapshots.Options());

    private static List<MetricPoint> Weeks(params double?[] values) =>
        [.. values.Select((value, i) => new MetricPoint(FirstMonday.AddDays(7 * i), FirstMonday.AddDays((7 * i) + 6), value))];

    private static readonly List<MetricPoint> Rising = Weeks(0.5, 0.6, 0.7, 0.8);

    private GoalProgress Evaluate(double target, DateOnly deadline, double? baseline = null, List<MetricPoint>? series = null, EngagementMetric metric = EngagementMetric.EngagementRate) =>
        evaluator.Evaluate(new Goal(metric, target, deadline, baseline), series ?? Rising, Today);

    [Fact]
    public void IsOnTrackWhenTheTrendReachesTheTargetByTheDeadline()
    {
        var progress = Evaluate(1.0, new DateOnly(2025, 2, 27)); // four weeks after the last midpoint: 0.8 + 0.4

        Assert.Equal(GoalStatus.OnTrack, progress.Status);
        Assert.Equal(1.2, progress.Projected.Value!.Value, Precision);
        Assert.Equal(new Change(0.8, 1.0, 0.8 - 1.0, (0.8 - 1.0) / 1.0 * 100), progress.VsTarget);
        Assert.Equal("The trend projects 1.2 at the deadline, meeting the target of 1.", progress.Explanation);
    }

    [Fact]
    public void IsBehindWhenTheProjectionCoversAtLeastThreeQuartersOfTheWay()
    {
        var progress = Evaluate(1.1, new DateOnly(2025, 2, 13)); // projects 1.0: 0.5 of the 0.6 from 0.5 to 1.1

        Assert.Equal(GoalStatus.Behind, progress.Status);
        Assert.Equal(0.5 / 0.6, progress.ProjectedProgress.Value!.Value, Precision);
        Assert.Equal("The trend projects 1 at the deadline against a target of 1.1: 83.333 % of the way from 0.5.", progress.Explanation);
    }

    [Fact]
    public void IsAtRiskWhenTheProjectionFallsFurtherShort()
    {
        var progress = Evaluate(1.2, new DateOnly(2025, 2, 13)); // projects 1.0: 0.5 of the 0.7 from 0.5 to 1.2

        Assert.Equal(GoalStatus.AtRisk, progress.Status);
        Assert.Equal(0.5 / 0.7, progress.ProjectedProgress.Value!.Value, Precision);
    }

    [Fact]
    public void MeasuresProgressFromTheGoalsOwnBaselineWhenItHasOne()
    {
        var progress = Evaluate(1.2, new DateOnly(2025, 2, 13), baseline: 0.0);

        Assert.Equal(GoalStatus.Behind, progress.Status);
        Assert.Equal(1.0 / 1.2, progress.ProjectedProgress.Value!.Value, Precision);
    }

    [Fact]
    public void IsAchievedAsSoonAsTheLatestPeriodMeetsTheTarget() =>
        Assert.Equal(GoalStatus.Achieved, Evaluate(0.8, new DateOnly(2025, 6, 30)).Status);

    [Fact]
    public void JudgesAPastDeadlineByTheLastPeriodEndedByIt()
    {
        var deadline = new DateOnly(2025, 1, 31); // the last week ended by then is the third: 0.7

        var missed = Evaluate(0.75, deadline);

        Assert.Equal((GoalStatus.Missed, "The last period before the deadline reached 0.7 against a target of 0.75."), (missed.Status, missed.Explanation));
        Assert.Equal(GoalStatus.Achieved, Evaluate(0.7, deadline).Status);
        Assert.Equal(GoalStatus.Missed, Evaluate(0.1, new DateOnly(2025, 1, 1)).Status);
    }

    [Fact]
    public void FollowsMetricsWhereLowerIsBetter()
    {
        var responseMinutes = Weeks(120.0, 110.0, 100.0, 90.0);

        Assert.Equal(GoalStatus.OnTrack, Evaluate(60, new DateOnly(2025, 2, 27), series: responseMinutes, metric: EngagementMetric.MedianResponseMinutes).Status);
        Assert.Equal(GoalStatus.Achieved, Evaluate(95, new DateOnly(2025, 2, 27), series: responseMinutes, metric: EngagementMetric.MedianResponseMinutes).Status);
        Assert.Equal(GoalStatus.AtRisk, Evaluate(150, new DateOnly(2025, 2, 27), series: responseMinutes).Status);
    }

    [Fact]
    public void NeverProjectsBelowZero()
    {
        var progress = Evaluate(1.0, new DateOnly(2025, 12, 31), series: Weeks(0.8, 0.6, 0.4, 0.2));

        Assert.Equal((GoalStatus.AtRisk, 0.0), (progress.Status, progress.Projected.Value!.Value));
    }

    [Fact]
    public void SaysWhenThereIsNotEnoughDataToProject()
    {
        var twoWeeks = Evaluate(1.0, new DateOnly(2025, 2, 27), series: Weeks(0.5, 0.6));
        var nothing = Evaluate(1.0, new DateOnly(2025, 2, 27), series: Weeks(null, null));
        var notYetEnded = evaluator.Evaluate(new Goal(EngagementMetric.EngagementRate, 1.0, new DateOnly(2025, 2, 27)), Rising, new DateOnly(2025, 1, 12));

        Assert.Equal((GoalStatus.NotEnoughData, "Not met yet, and a projection needs 3 periods with a value; there are 2."), (twoWeeks.Status, twoWeeks.Explanation));
        Assert.Equal((GoalStatus.NotEnoughData, (MetricPoint?)null), (nothing.Status, nothing.Latest));
        Assert.Equal((GoalStatus.NotEnoughData, 0.5), (notYetEnded.Status, notYetEnded.Latest!.Value!.Value));
    }
}
