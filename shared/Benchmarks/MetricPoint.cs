namespace SocialWatch.Benchmarks;

/// <summary>A metric's value for one period (both dates included); null when it could not be computed for that period.</summary>
public sealed record MetricPoint(DateOnly PeriodStart, DateOnly PeriodEnd, double? Value)
{
    /// <summary>The middle of the period in days: where a trend line places the period.</summary>
    public double Midpoint => (PeriodStart.DayNumber + PeriodEnd.DayNumber) / 2.0;
}
