using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Timers;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Hosting;

/// <summary>The local host's timers, on a fake clock, with their schedule status in Azurite.</summary>
public sealed class TimerListenerOnAzurite(AzuriteFixture azurite)
{
    private const string Ticks = "RecordsTicks";
    private static readonly DateTimeOffset Day = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string prefix = AzuriteFixture.NewPrefix();

    [Fact]
    public async Task FiresOnItsScheduleWithTheStatusOfTheRunBefore()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        await using var host = StartRecording(clock, seen, "0 */5 * * * *");

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));
        var first = (await seen.WaitForAsync(1))[0];
        await clock.AdvanceWhenArmedAsync(At(0, 10, 0));
        var second = (await seen.WaitForAsync(2))[1];
        await clock.WaitUntilArmedAsync(At(0, 15, 0));

        Assert.Equal(new Tick(At(0, 5, 0), new TimerInvocation(IsPastDue: false, ScheduleStatus: null)), first);
        Assert.Equal(new Tick(At(0, 10, 0), new TimerInvocation(false, new TimerScheduleStatus(At(0, 5, 0), At(0, 10, 0), At(0, 5, 0)))), second);
        var stored = await host.Services.GetRequiredService<TimerScheduleStore>().GetAsync(Ticks, TestContext.Current.CancellationToken);
        Assert.Equal(new TimerScheduleStatus(At(0, 10, 0), At(0, 15, 0), At(0, 10, 0)), stored);
    }

    [Fact]
    public async Task AcceptsAFiveFieldScheduleWithoutSeconds()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        await using var host = StartRecording(clock, seen, "*/5 * * * *");

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));

        Assert.Equal(At(0, 5, 0), (await seen.WaitForAsync(1))[0].At);
    }

    [Fact]
    public async Task ReadsItsScheduleFromTheAppSettingItNames()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        await using var host = StartRecording(clock, seen, "%TICK_SCHEDULE%", [new("TICK_SCHEDULE", "0 0 * * * *")]);

        await clock.AdvanceWhenArmedAsync(At(1, 0, 0));

        Assert.Equal(At(1, 0, 0), (await seen.WaitForAsync(1))[0].At);
    }

    [Fact]
    public async Task FiresOnceWithIsPastDueForAnOccurrenceMissedWhileDown()
    {
        var before = new ObservedFakeTimeProvider(At(0, 0, 30));
        await using (var host = StartRecording(before, new Seen<Tick>(), "0 */5 * * * *"))
        {
            await before.AdvanceWhenArmedAsync(At(0, 5, 0));
            await before.WaitUntilArmedAsync(At(0, 10, 0));
        }

        // Down from 00:05 to 00:42: the runs due at 00:10 ... 00:40 were missed; one past-due run makes up for them.
        var after = new ObservedFakeTimeProvider(At(0, 42, 10));
        var seen = new Seen<Tick>();
        await using var restarted = StartRecording(after, seen, "0 */5 * * * *");
        var pastDue = (await seen.WaitForAsync(1))[0];
        await after.AdvanceWhenArmedAsync(At(0, 45, 0));
        var onTime = (await seen.WaitForAsync(2))[1];

        Assert.Equal(new Tick(At(0, 42, 10), new TimerInvocation(true, new TimerScheduleStatus(At(0, 5, 0), At(0, 10, 0), At(0, 5, 0)))), pastDue);
        Assert.Equal(new Tick(At(0, 45, 0), new TimerInvocation(false, new TimerScheduleStatus(At(0, 42, 10), At(0, 45, 0), At(0, 42, 10)))), onTime);
        Assert.True(restarted.Logs.Contains(LogLevel.Warning, "is past due"));
    }

    [Fact]
    public async Task RunsAtStartWhenRunOnStartupIsSetAndWarnsAboutIt()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        var invoker = new RecordingInvoker().Handle(Ticks, Record(seen, clock));
        await using var host = ListenerHost.Start(azurite, prefix, invoker, [ListenerHost.TimerFunction(Ticks, "0 */5 * * * *", runOnStartup: true)], time: clock);

        var atStart = (await seen.WaitForAsync(1))[0];

        Assert.Equal(new Tick(At(0, 0, 30), new TimerInvocation(false, null)), atStart);
        Assert.True(host.Logs.Contains(LogLevel.Warning, "runOnStartup"));
    }

    [Fact]
    public async Task DoesNotRetryAFailedRun()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        var invoker = new RecordingInvoker().Handle(Ticks, async (invocation, token) =>
        {
            await Record(seen, clock)(invocation, token);
            throw new InvalidOperationException("This timer always fails.");
        });
        await using var host = ListenerHost.Start(azurite, prefix, invoker, [ListenerHost.TimerFunction(Ticks, "0 */5 * * * *")], time: clock);

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));
        await clock.AdvanceWhenArmedAsync(At(0, 10, 0));
        await clock.WaitUntilArmedAsync(At(0, 15, 0));

        Assert.Equal([At(0, 5, 0), At(0, 10, 0)], seen.Items.Select(t => t.At));
        Assert.Equal(At(0, 5, 0), seen.Items[1].Timer.ScheduleStatus?.Last);
        Assert.True(host.Logs.Contains(LogLevel.Warning, "timers do not retry"));
    }

    [Fact]
    public async Task NeverRunsTwiceAtOnceAndSkipsOccurrencesMissedDuringARun()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var gate = new Gate<Tick>();
        var invoker = new RecordingInvoker().Handle(Ticks, (invocation, token) => gate.PassAsync(new Tick(clock.GetUtcNow(), TimerInvocation.From(invocation)), token));
        await using var host = ListenerHost.Start(azurite, prefix, invoker, [ListenerHost.TimerFunction(Ticks, "0 */5 * * * *")], time: clock);

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));
        await gate.Entered.WaitForAsync(1);
        // The run lasts until 00:17: the occurrences at 00:10 and 00:15 pass while it runs.
        clock.Advance(At(0, 17, 0) - clock.GetUtcNow());
        gate.Release(1);
        await clock.AdvanceWhenArmedAsync(At(0, 20, 0));
        await gate.Entered.WaitForAsync(2);
        gate.Release(1);

        Assert.Equal([At(0, 5, 0), At(0, 20, 0)], gate.Entered.Items.Select(t => t.At));
        Assert.Equal(1, gate.MostRunning);
    }

    [Fact]
    public async Task LeavesATimerDisabledByItsSettingAlone()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        await using var host = StartRecording(clock, new Seen<Tick>(), "0 */5 * * * *", [new($"AzureWebJobs.{Ticks}.Disabled", "true")]);

        Assert.True(host.Logs.Contains(LogLevel.Information, $"Function {Ticks} is disabled"));
        Assert.False(host.Logs.Contains(LogLevel.Information, $"Timer {Ticks} runs on"));
    }

    [Theory]
    [InlineData("every five minutes", "has 3 fields")]
    [InlineData("0 */5 * * * * *", "has 7 fields")]
    [InlineData("0 */5 * * * mon-xyz", "is not a valid NCRONTAB expression")]
    [InlineData("0 0 0 30 2 *", "never occurs")]
    [InlineData("%NO_SUCH_SCHEDULE%", "app setting 'NO_SUCH_SCHEDULE'")]
    public void RefusesToStartWithAScheduleItCannotUse(string schedule, string expected)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => StartRecording(new ObservedFakeTimeProvider(At(0, 0, 30)), new Seen<Tick>(), schedule));

        Assert.Contains($"Function {Ticks}'s timerTrigger 'schedule'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hours, int minutes, int seconds) => Day + new TimeSpan(hours, minutes, seconds);

    private static Func<FunctionInvocation, CancellationToken, Task> Record(Seen<Tick> seen, TimeProvider clock) => (invocation, _) =>
    {
        seen.Add(new Tick(clock.GetUtcNow(), TimerInvocation.From(invocation)));
        return Task.CompletedTask;
    };

    private ListenerHost StartRecording(TimeProvider clock, Seen<Tick> seen, string schedule, IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        ListenerHost.Start(azurite, prefix, new RecordingInvoker().Handle(Ticks, Record(seen, clock)), [ListenerHost.TimerFunction(Ticks, schedule)], time: clock, settings: settings);
}
