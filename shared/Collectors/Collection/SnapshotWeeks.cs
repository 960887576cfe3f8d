namespace SocialWatch.Collectors.Collection;

/// <summary>
/// Collected snapshots cover weeks from Monday 00:00 UTC to the next Monday (the snapshot writes them Monday to Sunday, both days
/// included). UTC, like the timers: a business's time zone would shift each week by a few hours at most, and sources date items in UTC.
/// </summary>
public static class SnapshotWeeks
{
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static DateTimeOffset Start(DateOnly week) => new(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// Completed weeks with no snapshot yet, oldest first: those after <paramref name="lastSent"/> up to last week, at most
    /// <paramref name="max"/> of them (the most recent). A profile never snapshotted owes last week only: earlier follower counts are unknown.
    /// </summary>
    public static IReadOnlyList<DateOnly> Owed(DateOnly? lastSent, DateTimeOffset now, int max)
    {
        var lastCompleted = WeekOf(now).AddDays(-7);
        var first = lastSent is { } sent ? sent.AddDays(7) : lastCompleted;
        var earliest = lastCompleted.AddDays(-7 * (max - 1));
        if (first < earliest)
        {
            first = earliest;
        }

        var weeks = new List<DateOnly>();
        for (var week = first; week <= lastCompleted; week = week.AddDays(7))
        {
            weeks.Add(week);
        }

        return weeks;
    }
}
