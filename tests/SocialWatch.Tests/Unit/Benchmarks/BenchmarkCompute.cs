using SocialWatch.Benchmarks;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;
using SocialWatch.Tests.Unit.Engagement;

namespace SocialWatch.Tests.Unit.Benchmarks;

public sealed class BenchmarkCompute
{
    private const int Precision = 9;
    private static readonly DateOnly FirstMonday = new(2025, 1, 6);

    private static MetricPoint Week(int index, double? value) => new(FirstMonday.AddDays(7 * index), FirstMonday.AddDays((7 * index) + 6), value);

    private static List<MetricPoint> Weeks(params double?[] values) => [.. values.Select((value, i) => Week(i, value))];

    private static BenchmarkCalculator Calculator(int baseline = 4, int rolling = 8, int trend = 8) =>
        new(Snapshots.Options(o => (o.BaselinePeriods, o.RollingWindow, o.TrendWindow) = (baseline, rolling, trend)), IndustryMedians.LoadEmbedded());

    [Fact]
    public void TakesTheBaselineAsTheMedianOfTheFirstPeriodsWithAValue()
    {
        var benchmark = Calculator().Compute(Weeks(1.0, null, 3.0, 10.0, 2.0, 7.0, 8.0));

        Assert.Equal(2.5, benchmark.Baseline.Value); // median of 1, 3, 10, 2: the missing week is skipped
        Assert.Equal(4, benchmark.BaselinePeriods);
        Assert.Equal(new Change(8.0, 2.5, 5.5, 5.5 / 2.5 * 100), benchmark.VsBaseline);
    }

    [Fact]
    public void SaysTheBaselineIsStillFormingBeforeEnoughPeriods()
    {
        var benchmark = Calculator().Compute(Weeks(1.0, 2.0, 3.0));

        Assert.Equal("the baseline forms after 4 periods with a value; there are 3", benchmark.Baseline.NotAvailableBecause);
        Assert.Null(benchmark.VsBaseline.PercentChange);
    }

    [Fact]
    public void ComparesAPeriodWithTheRollingMedianOfThePeriodsBeforeIt()
    {
        var series = Weeks(5.0, 1.0, 2.0, 3.0, 4.0, 100.0);

        var latest = Calculator(rolling: 3).Compute(series);
        var third = Calculator(rolling: 3).Compute(series, FirstMonday.AddDays(14));

        Assert.Equal((3.0, 3), (latest.RollingMedian.Value!.Value, latest.RollingPeriods)); // median of 2, 3, 4
        Assert.Equal(new Change(100.0, 3.0, 97.0, 97.0 / 3 * 100), latest.VsRollingMedian);
        Assert.Equal((3.0, 2), (third.RollingMedian.Value!.Value, third.RollingPeriods)); // median of 5 and 1
        Assert.Equal(2.0, third.Period!.Value);
    }

    [Fact]
    public void FitsATrendPerWeekThatOneOutlierDoesNotBend()
    {
        // A steady rise of 0.5 a week with one viral week: least squares would tilt, Theil–Sen keeps 0.5.
        var benchmark = Calculator().Compute(Weeks(1.0, 1.5, 2.0, 20.0, 3.0, 3.5));

        Assert.Equal(0.5, benchmark.Trend.SlopePerWeek.Value!.Value, Precision);
        Assert.Equal(6, benchmark.Trend.Periods);
    }

    [Fact]
    public void NeedsThreePeriodsForATrend()
    {
        var benchmark = Calculator().Compute(Weeks(1.0, 2.0));

        Assert.Equal("a trend needs 3 periods with a value; there are 2", benchmark.Trend.SlopePerWeek.NotAvailableBecause);
        Assert.Equal("no earlier period has a value", Calculator().Compute(Weeks(1.0)).RollingMedian.NotAvailableBecause);
    }

    [Fact]
    public void SaysWhenThereIsNothingToBenchmark()
    {
        var benchmark = Calculator().Compute(Weeks(null, null));

        Assert.Null(benchmark.Period);
        Assert.Equal("no period has a value", benchmark.Baseline.NotAvailableBecause);
        Assert.Equal("no period starting 2025-03-03 has a value", Calculator().Compute(Weeks(1.0), new DateOnly(2025, 3, 3)).Trend.SlopePerWeek.NotAvailableBecause);
    }

    [Fact]
    public void BenchmarksEveryMetricOfAProfileAndItsLatestRateAgainstTheIndustry()
    {
        var scorer = Snapshots.Scorer();
        // Six weeks, followers rising by 100 a week from 1,500: the baseline is the median of 1,500 to 1,800.
        var scores = Enumerable.Range(0, 6).Select(i => scorer.Score(Snapshots.Week with
        {
            PeriodStart = Snapshots.Week.PeriodStart.AddDays(-7 * i), PeriodEnd = Snapshots.Week.PeriodEnd.AddDays(-7 * i), Followers = 2000 - (100 * i),
        })).ToList();

        var state = Calculator().ForProfile(scores);

        Assert.Equal(Enum.GetValues<EngagementMetric>().Length, state.Metrics.Count);
        var followers = state.Metrics[EngagementMetric.Followers];
        Assert.Equal((1650.0, 100.0, 2000.0), (followers.Baseline.Value!.Value, followers.Trend.SlopePerWeek.Value!.Value, followers.Period!.Value!.Value));
        Assert.Equal((Network.Instagram, 0.5, 0.47), (state.Industry!.Network, state.Industry.Rate.Percent, state.Industry.MedianPercent.Value!.Value));
        Assert.Throws<ArgumentException>(() => Calculator().ForProfile([scores[0], scorer.Score(Snapshots.Week with { ProfileId = "fb-1" })]));
    }

    [Fact]
    public void ChangeIsNullSafeAndRelativeToTheSizeOfTheReference()
    {
        Assert.Equal(new Change(null, 4.0, null, null), Change.Between(null, 4.0));
        Assert.Equal(new Change(3.0, 0.0, 3.0, null), Change.Between(3.0, 0.0));
        Assert.Equal(new Change(-1.0, -2.0, 1.0, 50.0), Change.Between(-1.0, -2.0));
    }

    [Fact]
    public void MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(2.5, Statistics.Median([4.0, 1.0, 3.0, 2.0]));
        Assert.Throws<ArgumentException>(() => Statistics.Median([]));
    }
}
