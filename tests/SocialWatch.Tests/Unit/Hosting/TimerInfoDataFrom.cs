using SocialWatch.Host.Rpc;
using SocialWatch.Host.Timers;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>The timer trigger's value as the host sends it: TimerInfo as JSON, PascalCase, UTC times.</summary>
public sealed class TimerInfoDataFrom
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WritesTheScheduleStatusAndPastDueFlag()
    {
        var data = TimerInfoData.From(isPastDue: true, new TimerScheduleStatus(Noon, Noon.AddMinutes(5), Noon.AddSeconds(1.5)));

        Assert.Equal(TypedData.DataOneofCase.Json, data.DataCase);
        Assert.Equal("""{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2025-03-01T12:00:00Z","Next":"2025-03-01T12:05:00Z","LastUpdated":"2025-03-01T12:00:01.5Z"},"IsPastDue":true}""", data.Json);
    }

    [Fact]
    public void WritesANullStatusBeforeTheFirstRun()
    {
        Assert.Equal("""{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}""", TimerInfoData.From(isPastDue: false, status: null).Json);
    }

    [Fact]
    public void WritesTimesInUtcWhateverTheirOffset()
    {
        var status = new TimerScheduleStatus(Noon.ToOffset(TimeSpan.FromHours(2)), Noon.ToOffset(TimeSpan.FromHours(-5)), Noon);

        Assert.Contains("\"Last\":\"2025-03-01T12:00:00Z\",\"Next\":\"2025-03-01T12:00:00Z\"", TimerInfoData.From(false, status).Json, StringComparison.Ordinal);
    }
}
