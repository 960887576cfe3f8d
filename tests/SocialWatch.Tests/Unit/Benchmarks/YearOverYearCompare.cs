using SocialWatch.Benchmarks;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Tests.Unit.Engagement;

namespace SocialWatch.Tests.Unit.Benchmarks;

public sealed class YearOverYearCompare
{
    [Theory]
    [InlineData("2025-06-02", "2025-06-08", "2024-06-03", "2024-06-09", PeriodAlignment.IsoWeek)] // ISO week 23
    [InlineData("2027-01-04", "2027-01-10", "2025-12-29", "2026-01-04", PeriodAlignment.IsoWeek)] // ISO week 1 starts in December
    [InlineData("2025-06-03", "2025-06-09", "2024-06-03", "2024-06-09", PeriodAlignment.DateRange)] // seven days, not Monday to Sunday
    [InlineData("2025-03-01", "2025-03-31", "2024-03-01", "2024-03-31", PeriodAlignment.DateRange)]
    [InlineData("2025-02-01", "2025-02-28", "2024-02-01", "2024-02-29", PeriodAlignment.DateRange)] // a month end stays a month end
    [InlineData("2024-02-29", "2024-02-29", "2023-02-28", "2023-02-28", PeriodAlignment.DateRange)]
    [InlineData("2025-01-15", "2025-04-14", "2024-01-15", "2024-04-14", PeriodAlignment.DateRange)]
    public void AlignsAPeriodWithTheSamePeriodLastYear(string start, string end, string expectedStart, string expectedEnd, PeriodAlignment alignment) =>
        Assert.Equal(
            new AlignedPeriod(DateOnly.Parse(expectedStart), DateOnly.Parse(expectedEnd), alignment),
            YearOverYear.LastYear(DateOnly.Parse(start), DateOnly.Parse(end)));

    [Fact]
    public void FindsNoWeek53InAYearOf52Weeks() =>
        Assert.Null(YearOverYear.LastYear(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)));

    [Fact]
    public void ComparesEveryMetricWithTheSameWeekLastYear()
    {
        var scorer = Snapshots.Scorer();
        var lastYear = Snapshots.Week with
        {
            SnapshotId = "ig-1_20240603_20240609", PeriodStart = new DateOnly(2024, 6, 3), PeriodEnd = new DateOnly(2024, 6, 9),
            Followers = 1600, Reactions = 15, Comments = 3, Shares = 2, LinkClicks = null,
        };
        var otherProfile = lastYear with { ProfileId = "fb-1", Followers = 1 };

        var review = YearOverYear.Compare(scorer.Score(Snapshots.Week), [scorer.Score(otherProfile), scorer.Score(lastYear)]);
        var changes = review.Metrics.ToDictionary(m => m.Metric, m => m.Change);

        Assert.Equal("Compared with 2024-06-03 to 2024-06-09 (same ISO week).", review.Note);
        Assert.Equal(lastYear.SnapshotId, review.LastYear!.SnapshotId);
        Assert.Equal(EngagementMetrics.All.Count, review.Metrics.Count);
        Assert.Equal(new Change(2000, 1600, 400, 25), changes[EngagementMetric.Followers]);
        Assert.Equal(new Change(40, 20, 20, 100), changes[EngagementMetric.Engagements]);
        Assert.Equal(new Change(12, null, null, null), changes[EngagementMetric.LinkClicks]);
        Assert.Equal(0.5 - (20.0 / 4 / 1600 * 100), changes[EngagementMetric.EngagementRate].Difference!.Value, 9);
    }

    [Fact]
    public void SaysWhenNoSnapshotCoversTheAlignedPeriod()
    {
        var scores = Snapshots.Scorer().Score(Snapshots.Week);

        var review = YearOverYear.Compare(scores, []);

        Assert.Equal("No snapshot of profile ig-1 covers 2024-06-03 to 2024-06-09.", review.Note);
        Assert.Null(review.LastYear);
        Assert.All(review.Metrics, m => Assert.Null(m.Change.PercentChange));
    }
}
