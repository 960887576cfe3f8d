namespace SocialWatch.Benchmarks;

/// <summary>A straight line through a metric's periods: value = <see cref="Intercept"/> + <see cref="SlopePerDay"/> × day number.</summary>
public sealed record TrendLine(double SlopePerDay, double Intercept)
{
    public double SlopePerWeek => SlopePerDay * 7;

    public double ValueAt(DateOnly day) => Intercept + (SlopePerDay * day.DayNumber);
}

public static class Statistics
{
    /// <summary>The fewest periods a trend is fitted on: a line through two points is a line through noise.</summary>
    public const int MinimumTrendPeriods = 3;

    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The Theil–Sen line: the slope is the median of the slopes between every pair of periods, the intercept the median
    /// of value − slope × day. One unusual period (a viral post, a giveaway) barely moves it, unlike least squares.
    /// Null with fewer than <see cref="MinimumTrendPeriods"/> valued periods.
    /// </summary>
    public static TrendLine? TheilSen(IEnumerable<MetricPoint> points)
    {
        var valued = points.Where(p => p.Value is not null).Select(p => (X: p.Midpoint, Y: p.Value!.Value)).ToList();
        var slopes = new List<double>();
        for (var i = 0; i < valued.Count; i++)
        {
            for (var j = i + 1; j < valued.Count; j++)
            {
                if (valued[i].X != valued[j].X)
                {
                    slopes.Add((valued[j].Y - valued[i].Y) / (valued[j].X - valued[i].X));
                }
            }
        }

        if (valued.Count < MinimumTrendPeriods || slopes.Count == 0)
        {
            return null;
        }

        var slope = Median(slopes);
        return new TrendLine(slope, Median(valued.Select(p => p.Y - (slope * p.X)).ToList()));
    }
}
