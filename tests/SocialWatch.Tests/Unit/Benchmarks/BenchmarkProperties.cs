using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialWatch.Benchmarks;
using SocialWatch.Tests.Unit.Engagement;

namespace SocialWatch.Tests.Unit.Benchmarks;

/// <summary>What holds for the benchmark formulas (median, Theil–Sen trend, baseline, rolling median, change) on generated weekly series.</summary>
public sealed class BenchmarkProperties
{
    private const int Precision = 6;
    private static readonly DateOnly FirstMonday = new(2024, 1, 1);
    private static readonly BenchmarkCalculator Calculator = new(Snapshots.Options(), IndustryMedians.LoadEmbedded());

    [Property(Arbitrary = [typeof(SeriesArbitrary)], MaxTest = 300)]
    public void MedianLiesBetweenTheSmallestAndLargestValueAndIgnoresTheirOrder(WeeklySeries series)
    {
        var values = series.Values.Select(v => v ?? 0).ToList();

        var median = Statistics.Median(values);

        Assert.InRange(median, values.Min(), values.Max());
        Assert.Equal(median, Statistics.Median([.. Enumerable.Reverse(values)]));
    }

    [Property(Arbitrary = [typeof(SeriesArbitrary)], MaxTest = 300)]
    public void TheilSenFindsTheSlopeOfValuesOnALineAndMovesOnlyItsInterceptWhenAllValuesShift(PositiveInt weeks, int slopeHundredths, int shift)
    {
        var count = (weeks.Get % 20) + Statistics.MinimumTrendPeriods;
        var perWeek = slopeHundredths % 10_000 / 100.0;
        var line = Points(Enumerable.Range(0, count).Select(w => (double?)(50 + (perWeek * w))));
        var shifted = line.Select(p => p with { Value = p.Value + (shift % 1000) }).ToList();

        var fitted = Statistics.TheilSen(line)!;
        var moved = Statistics.TheilSen(shifted)!;

        Assert.Equal(perWeek, fitted.SlopePerWeek, Precision);
        Assert.Equal(fitted.SlopePerWeek, moved.SlopePerWeek, Precision);
        Assert.Equal(fitted.Intercept + (shift % 1000), moved.Intercept, Precision);
    }

    [Property(Arbitrary = [typeof(SeriesArbitrary)], MaxTest = 300)]
    public void RollingMedianAndBaselineNeverDependOnTheComparedPeriodsOwnValue(WeeklySeries series, int replacement)
    {
        var points = Points(series.Values);
        var latest = points.Where(p => p.Value is not null).MaxBy(p => p.PeriodStart);
        var valued = points.Count(p => p.Value is not null);
        var changed = points.Select(p => p == latest ? p with { Value = Math.Abs(replacement % 100_000) } : p).ToList();

        var before = Calculator.Compute(points);
        var after = Calculator.Compute(changed);

        Assert.Equal(before.RollingMedian, after.RollingMedian);
        if (valued > new SocialWatch.Engagement.ScoringOptions().BaselinePeriods)
        {
            // The compared period is past the baseline's first periods: the baseline cannot move either.
            Assert.Equal(before.Baseline, after.Baseline);
        }
    }

    [Property(Arbitrary = [typeof(SeriesArbitrary)], MaxTest = 300)]
    public void ChangeIsTheDifferenceAndItsSignRelativeToTheReference(int current, int reference)
    {
        var change = Change.Between(current, reference);

        Assert.Equal(current - (double)reference, change.Difference);
        if (reference == 0)
        {
            Assert.Null(change.PercentChange);
        }
        else
        {
            Assert.Equal(Math.Sign(current - (double)reference), Math.Sign(change.PercentChange!.Value));
            Assert.Equal((current - (double)reference) / Math.Abs(reference) * 100, change.PercentChange.Value, Precision);
        }
    }

    private static List<MetricPoint> Points(IEnumerable<double?> values) =>
        [.. values.Select((value, week) => new MetricPoint(FirstMonday.AddDays(7 * week), FirstMonday.AddDays((7 * week) + 6), value))];
}

/// <summary>A metric's weekly values, oldest first: at least one has a value, some may be missing.</summary>
public sealed record WeeklySeries(IReadOnlyList<double?> Values)
{
    public static Gen<WeeklySeries> Generator { get; } =
        from count in Gen.Choose(1, 40)
        from values in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant<double?>(null)), (5, Gen.Choose(0, 100_000).Select(v => (double?)(v / 100.0)))), count)
        from first in Gen.Choose(0, 100_000)
        select new WeeklySeries([first / 100.0, .. values]);

    public override string ToString() => string.Join(", ", Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
}

public static class SeriesArbitrary
{
    public static Arbitrary<WeeklySeries> Series() => WeeklySeries.Generator.ToArbitrary();
}
