using System.Globalization;
using System.Text.Json.Serialization;
using SocialWatch.Engagement.Scoring;

namespace SocialWatch.Benchmarks;

[JsonConverter(typeof(JsonStringEnumConverter<PeriodAlignment>))]
public enum PeriodAlignment
{
    /// <summary>A Monday-to-Sunday week is compared with the same ISO week number of the previous ISO year.</summary>
    [JsonStringEnumMemberName("iso-week")] IsoWeek,

    /// <summary>Any other period is compared with the same dates one year earlier (a month end stays a month end).</summary>
    [JsonStringEnumMemberName("date-range")] DateRange,
}

public sealed record AlignedPeriod(DateOnly Start, DateOnly End, PeriodAlignment Alignment);

public sealed record MetricChange(EngagementMetric Metric, Change Change);

/// <summary>
/// One period of a profile against the same period last year, metric by metric. <see cref="LastYear"/> is null when no
/// snapshot of the profile covers exactly the aligned period; every change then has no reference.
/// </summary>
public sealed record YearOverYearComparison(
    string ProfileId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    AlignedPeriod? AlignedPeriod,
    SnapshotScores? LastYear,
    IReadOnlyList<MetricChange> Metrics,
    string Note);

public static class YearOverYear
{
    /// <summary>
    /// The period a year before: the same ISO week for a Monday-to-Sunday week (weekdays line up, so a Saturday market
    /// is compared with a Saturday market), else the same dates a year earlier. Null for ISO week 53 when the previous
    /// ISO year has 52 weeks.
    /// </summary>
    public static AlignedPeriod? LastYear(DateOnly start, DateOnly end)
    {
        if (start.DayOfWeek == DayOfWeek.Monday && end == start.AddDays(6))
        {
            var date = start.ToDateTime(TimeOnly.MinValue);
            var (year, week) = (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
            if (week > ISOWeek.GetWeeksInYear(year - 1))
            {
                return null;
            }

            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year - 1, week, DayOfWeek.Monday));
            return new AlignedPeriod(monday, monday.AddDays(6), PeriodAlignment.IsoWeek);
        }

        var endsAMonth = end.AddDays(1).Day == 1;
        var alignedEnd = endsAMonth ? new DateOnly(end.Year - 1, end.Month, 1).AddMonths(1).AddDays(-1) : end.AddYears(-1);
        return new AlignedPeriod(start.AddYears(-1), alignedEnd, PeriodAlignment.DateRange);
    }

    /// <param name="history">Earlier scores of the same profile (others are ignored).</param>
    public static YearOverYearComparison Compare(SnapshotScores current, IEnumerable<SnapshotScores> history)
    {
        var aligned = LastYear(current.PeriodStart, current.PeriodEnd);
        var lastYear = aligned is null ? null : history.FirstOrDefault(s =>
            s.ProfileId == current.ProfileId && s.PeriodStart == aligned.Start && s.PeriodEnd == aligned.End);
        var metrics = EngagementMetrics.All
            .Select(d => new MetricChange(d.Metric, Change.Between(d.Read(current), lastYear is null ? null : d.Read(lastYear))))
            .ToList();
        var note = aligned is null ? "The previous ISO year has no week 53."
            : lastYear is null ? $"No snapshot of profile {current.ProfileId} covers {aligned.Start:yyyy-MM-dd} to {aligned.End:yyyy-MM-dd}."
            : $"Compared with {aligned.Start:yyyy-MM-dd} to {aligned.End:yyyy-MM-dd} ({(aligned.Alignment == PeriodAlignment.IsoWeek ? "same ISO week" : "same dates")}).";
        return new YearOverYearComparison(current.ProfileId, current.PeriodStart, current.PeriodEnd, aligned, lastYear, metrics, note);
    }
}
