using Microsoft.Extensions.Configuration;
using SocialWatch.Host.Timers;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>NCRONTAB schedules as the Functions host reads them, and when a stored status says a run is due.</summary>
public sealed class TimerScheduleParse
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */5 * * * *", "2025-03-01T12:05:00Z")]
    [InlineData("*/5 * * * *", "2025-03-01T12:05:00Z")]
    [InlineData("30 0 9 * * 1-5", "2025-03-03T09:00:30Z")]
    [InlineData("0 0 0 1 * *", "2025-04-01T00:00:00Z")]
    public void FindsTheNextOccurrenceInUtc(string expression, string expected)
    {
        var schedule = TimerSchedule.Parse("Sweep", expression, Settings());

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.NextAfter(Noon));
    }

    [Fact]
    public void ResolvesEveryAppSettingItNames()
    {
        var schedule = TimerSchedule.Parse("Sweep", "0 %MINUTE% %HOUR% * * *", Settings(("MINUTE", "15"), ("HOUR", "6")));

        Assert.Equal("0 15 6 * * *", schedule.Expression);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 6, 15, 0, TimeSpan.Zero), schedule.NextAfter(Noon));
    }

    [Fact]
    public void RefusesATimerWithoutASchedule()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("Sweep", null, Settings()));

        Assert.Equal("Function Sweep's timerTrigger 'schedule' is missing: a timerTrigger needs an NCRONTAB schedule.", refused.Message);
    }

    [Fact]
    public void RefusesAnEmptyAppSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("Sweep", "%SWEEP%", Settings(("SWEEP", ""))));

        Assert.Equal("Function Sweep's timerTrigger 'schedule' refers to app setting 'SWEEP' (%SWEEP%), which is not set.", refused.Message);
    }

    [Fact]
    public void TakesTheStoredNextWhileTheScheduleIsUnchanged()
    {
        var schedule = TimerSchedule.Parse("Sweep", "0 */5 * * * *", Settings());
        var status = new TimerScheduleStatus(Noon, Noon.AddMinutes(5), Noon.AddSeconds(1));

        Assert.Equal(Noon.AddMinutes(5), schedule.DueAccordingTo(status));
    }

    [Fact]
    public void CountsFromTheLastUpdateWhenTheScheduleChanged()
    {
        // Written by an hourly schedule; now every 5 minutes: the next run is 5 minutes after the status was written.
        var schedule = TimerSchedule.Parse("Sweep", "0 */5 * * * *", Settings());
        var status = new TimerScheduleStatus(Noon, Noon.AddHours(1), Noon.AddSeconds(1));

        Assert.Equal(Noon.AddMinutes(5), schedule.DueAccordingTo(status));
    }

    private static IConfiguration Settings(params (string Name, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value))).Build();
}
