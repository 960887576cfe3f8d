using Microsoft.Extensions.Options;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;

namespace SocialWatch.Benchmarks;

/// <summary>The direction of a metric over its latest periods (Theil–Sen slope, in the metric's unit per week).</summary>
public sealed record Trend(Measure SlopePerWeek, int Periods);

/// <summary>
/// One period of a metric against the profile's own history: its baseline (median of its first periods), the rolling
/// median of the periods just before it, and the trend up to it.
/// </summary>
public sealed record MetricBenchmark(
    MetricPoint? Period,
    Measure Baseline,
    int BaselinePeriods,
    Measure RollingMedian,
    int RollingPeriods,
    Trend Trend,
    Change VsBaseline,
    Change VsRollingMedian);

/// <summary>
/// A profile's benchmark state: every metric of the catalogue against the profile's own history, and its latest
/// engagement rate against the published median of its network (null when that rate is not available).
/// </summary>
public sealed record ProfileBenchmarks(string ProfileId, IReadOnlyDictionary<EngagementMetric, MetricBenchmark> Metrics, IndustryComparison? Industry);

public sealed class BenchmarkCalculator(IOptions<ScoringOptions> options, IndustryMedians industry)
{
    private readonly ScoringOptions options = options.Value;

    /// <param name="scores">The scores of one profile, in any order.</param>
    public ProfileBenchmarks ForProfile(IReadOnlyCollection<SnapshotScores> scores)
    {
        var profiles = scores.Select(s => s.ProfileId).Distinct(StringComparer.Ordinal).ToList();
        if (profiles.Count != 1)
        {
            throw new ArgumentException($"Benchmarks are per profile; the scores name {profiles.Count} profiles.", nameof(scores));
        }

        var metrics = EngagementMetrics.All.ToDictionary(d => d.Metric, d => Compute(d.Metric.Series(scores)));
        var latest = scores.Where(s => s.EngagementRate.ByFollowersPerPost.IsAvailable).MaxBy(s => s.PeriodStart);
        var comparison = latest is null ? null
            : industry.Compare(latest.Network, new EngagementRate(EngagementMethod.ByFollowersPerPost, latest.EngagementRate.ByFollowersPerPost.Value!.Value));
        return new ProfileBenchmarks(profiles[0], metrics, comparison);
    }

    /// <summary>
    /// Benchmarks the period starting on <paramref name="periodStart"/> (the latest period with a value when null).
    /// Periods where the metric is not available are skipped: the baseline is the median of the first
    /// <see cref="ScoringOptions.BaselinePeriods"/> periods that have a value.
    /// </summary>
    public MetricBenchmark Compute(IEnumerable<MetricPoint> series, DateOnly? periodStart = null)
    {
        var valued = series.Where(p => p.Value is not null).OrderBy(p => p.PeriodStart).ToList();
        var index = periodStart is { } start ? valued.FindIndex(p => p.PeriodStart == start) : valued.Count - 1;
        if (index < 0)
        {
            var reason = periodStart is null ? "no period has a value" : $"no period starting {periodStart:yyyy-MM-dd} has a value";
            var none = Measure.NotAvailable(reason);
            return new MetricBenchmark(null, none, 0, none, 0, new Trend(none, 0), Change.Between(null, null), Change.Between(null, null));
        }

        var period = valued[index];
        var baselinePoints = valued.Take(options.BaselinePeriods).ToList();
        var baseline = baselinePoints.Count < options.BaselinePeriods
            ? Measure.NotAvailable($"the baseline forms after {options.BaselinePeriods} periods with a value; there are {baselinePoints.Count}")
            : Measure.Of(Statistics.Median(baselinePoints.Select(p => p.Value!.Value).ToList()));

        var before = valued.Take(index).TakeLast(options.RollingWindow).Select(p => p.Value!.Value).ToList();
        var rolling = before.Count == 0 ? Measure.NotAvailable("no earlier period has a value") : Measure.Of(Statistics.Median(before));

        var trendPoints = valued.Take(index + 1).TakeLast(options.TrendWindow).ToList();
        var line = Statistics.TheilSen(trendPoints);
        var slope = line is null
            ? Measure.NotAvailable($"a trend needs {Statistics.MinimumTrendPeriods} periods with a value; there are {trendPoints.Count}")
            : Measure.Of(line.SlopePerWeek);

        return new MetricBenchmark(
            period,
            baseline,
            baselinePoints.Count,
            rolling,
            before.Count,
            new Trend(slope, trendPoints.Count),
            Change.Between(period.Value, baseline.Value),
            Change.Between(period.Value, rolling.Value));
    }
}
