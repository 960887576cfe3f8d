using NCrontab;
using SocialWatch.Host.Functions;

namespace SocialWatch.Host.Timers;

/// <summary>
/// A timer function's NCRONTAB schedule as the Functions host reads it: six fields ({second} {minute} {hour} {day} {month} {day-of-week})
/// or five without seconds, always in UTC, with %Setting% references resolved first.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule crontab;

    private TimerSchedule(string expression, CrontabSchedule crontab)
    {
        Expression = expression;
        this.crontab = crontab;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string functionName, string? declared, IConfiguration configuration)
    {
        var where = $"Function {functionName}'s timerTrigger 'schedule'";
        var expression = AppSettingReferences.Resolve(declared ?? throw new InvalidOperationException($"{where} is missing: a timerTrigger needs an NCRONTAB schedule."), configuration, where).Trim();
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            throw new InvalidOperationException($"{where} '{expression}' has {fields} fields; an NCRONTAB schedule has 6 ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}) or 5 (without seconds).");
        }

        var crontab = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            ?? throw new InvalidOperationException($"{where} '{expression}' is not a valid NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}, e.g. '0 */5 * * * *').");
        // Every valid date comes round within a leap cycle; a schedule with none in five years (30 February) never fires.
        var probe = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (crontab.GetNextOccurrence(probe, probe.AddYears(5)) == probe.AddYears(5))
        {
            throw new InvalidOperationException($"{where} '{expression}' never occurs.");
        }

        return new TimerSchedule(expression, crontab);
    }

    /// <summary>The first occurrence strictly after <paramref name="time"/>, in UTC.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset time)
    {
        var next = crontab.GetNextOccurrence(time.UtcDateTime, DateTime.MaxValue);
        return next == DateTime.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <summary>
    /// The occurrence a stored status says comes next. If the schedule changed since the status was written, its Next no longer
    /// follows its Last, and the host then counts from when the status was last updated.
    /// </summary>
    public DateTimeOffset DueAccordingTo(TimerScheduleStatus status) =>
        NextAfter(status.Last) == status.Next ? status.Next : NextAfter(status.LastUpdated);
}
