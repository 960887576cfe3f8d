using System.Text.Json;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Timers;

/// <summary>A timer's schedule status: the occurrence that last fired, the one expected next, and when this was written.</summary>
public sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>
/// The timer trigger's value as the Functions host sends it: its TimerInfo serialised as JSON with PascalCase names,
/// {"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last","Next","LastUpdated"} or null,"IsPastDue"}; no trigger metadata.
/// The worker's TimerInfo reads exactly these names.
/// </summary>
public static class TimerInfoData
{
    // PascalCase as written: the names are the contract, not a naming policy.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static TypedData From(bool isPastDue, TimerScheduleStatus? status) =>
        new()
        {
            Json = JsonSerializer.Serialize(
                new TimerInfoJson(
                    new ScheduleJson(AdjustForDST: true),
                    status is null ? null : new ScheduleStatusJson(status.Last.UtcDateTime, status.Next.UtcDateTime, status.LastUpdated.UtcDateTime),
                    isPastDue),
                Json),
        };

    // Dates go out as UTC DateTimes ("…Z"), as the host's Newtonsoft serialiser writes its DateTime values.
    private sealed record TimerInfoJson(ScheduleJson Schedule, ScheduleStatusJson? ScheduleStatus, bool IsPastDue);

    private sealed record ScheduleJson(bool AdjustForDST);

    private sealed record ScheduleStatusJson(DateTime Last, DateTime Next, DateTime LastUpdated);
}
