using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Functions.Hosting;
using SocialWatch.Functions.Hosting.Local;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>The local runtime's timers, on a fake clock, with their schedule status in Azurite.</summary>
public sealed class LocalTimerListener(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Day = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string prefix = AzuriteFixture.NewPrefix();

    [Fact]
    public async Task FiresOnItsScheduleWithTheStatusOfTheRunBefore()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(RecordsTicks.Name, "0 */5 * * * *"));
        await using var app = StartRecording(root, clock, seen);

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));
        var first = (await seen.WaitForAsync(1))[0];
        await clock.AdvanceWhenArmedAsync(At(0, 10, 0));
        var second = (await seen.WaitForAsync(2))[1];
        await clock.WaitUntilArmedAsync(At(0, 15, 0));

        Assert.Equal(new Tick(At(0, 5, 0), new TimerInvocation(IsPastDue: false, ScheduleStatus: null)), first);
        Assert.Equal(new Tick(At(0, 10, 0), new TimerInvocation(false, new TimerScheduleStatus(At(0, 5, 0), At(0, 10, 0), At(0, 5, 0)))), second);
        var stored = await app.Services.GetRequiredService<TimerScheduleStore>().GetAsync(RecordsTicks.Name, TestContext.Current.CancellationToken);
        Assert.Equal(new TimerScheduleStatus(At(0, 10, 0), At(0, 15, 0), At(0, 10, 0)), stored);
    }

    [Fact]
    public async Task AcceptsAFiveFieldScheduleWithoutSeconds()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(RecordsTicks.Name, "*/5 * * * *"));
        await using var app = StartRecording(root, clock, seen);

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));

        Assert.Equal(At(0, 5, 0), (await seen.WaitForAsync(1))[0].At);
    }

    [Fact]
    public async Task ReadsItsScheduleFromTheAppSettingItNames()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(RecordsTicks.Name, "%TICK_SCHEDULE%"));
        await using var app = StartRecording(root, clock, seen, new Dictionary<string, string?> { ["TICK_SCHEDULE"] = "0 0 * * * *" });

        await clock.AdvanceWhenArmedAsync(At(1, 0, 0));

        Assert.Equal(At(1, 0, 0), (await seen.WaitForAsync(1))[0].At);
    }

    [Fact]
    public async Task FiresOnceWithIsPastDueForAnOccurrenceMissedWhileDown()
    {
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(RecordsTicks.Name, "0 */5 * * * *"));
        var before = new ObservedFakeTimeProvider(At(0, 0, 30));
        await using (var app = StartRecording(root, before, new Seen<Tick>()))
        {
            await before.AdvanceWhenArmedAsync(At(0, 5, 0));
            await before.WaitUntilArmedAsync(At(0, 10, 0));
        }

        // Down from 00:05 to 00:42: the runs due at 00:10 ... 00:40 were missed; one past-due run makes up for them.
        var after = new ObservedFakeTimeProvider(At(0, 42, 10));
        var seen = new Seen<Tick>();
        await using var restarted = StartRecording(root, after, seen);
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
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(RecordsTicks.Name, "0 */5 * * * *", runOnStartup: true));
        await using var app = StartRecording(root, clock, seen);

        var atStart = (await seen.WaitForAsync(1))[0];

        Assert.Equal(new Tick(At(0, 0, 30), new TimerInvocation(false, null)), atStart);
        Assert.True(app.Logs.Contains(LogLevel.Warning, "runOnStartup"));
    }

    [Fact]
    public async Task DoesNotRetryAFailedRun()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var seen = new Seen<Tick>();
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(FailingTicks.Name, "0 */5 * * * *"));
        await using var app = Start(root, clock, services => services.AddSingleton(seen).AddTimerFunction<FailingTicks>(FailingTicks.Name));

        await clock.AdvanceWhenArmedAsync(At(0, 5, 0));
        await clock.AdvanceWhenArmedAsync(At(0, 10, 0));
        await clock.WaitUntilArmedAsync(At(0, 15, 0));

        Assert.Equal([At(0, 5, 0), At(0, 10, 0)], seen.Items.Select(t => t.At));
        Assert.Equal(At(0, 5, 0), seen.Items[1].Timer.ScheduleStatus?.Last);
        Assert.True(app.Logs.Contains(LogLevel.Warning, "timers do not retry"));
    }

    [Fact]
    public async Task NeverRunsTwiceAtOnceAndSkipsOccurrencesMissedDuringARun()
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        var gate = new Gate<Tick>();
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(HoldsTicks.Name, "0 */5 * * * *"));
        await using var app = Start(root, clock, services => services.AddSingleton(gate).AddTimerFunction<HoldsTicks>(HoldsTicks.Name));

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

    [Theory]
    [InlineData("every five minutes", "has 3 fields")]
    [InlineData("0 */5 * * * * *", "has 7 fields")]
    [InlineData("0 */5 * * * mon-xyz", "is not a valid NCRONTAB expression")]
    [InlineData("0 0 0 30 2 *", "never occurs")]
    [InlineData("%NO_SUCH_SCHEDULE%", "app setting 'NO_SUCH_SCHEDULE'")]
    public void RefusesToStartWithAScheduleItCannotUse(string schedule, string expected)
    {
        var clock = new ObservedFakeTimeProvider(At(0, 0, 30));
        using var root = TestAppRoot.Create(null, TestFunctionFolder.Timer(RecordsTicks.Name, schedule));
        using var app = new FunctionsAppFactory(azurite, root, prefix, services => services.AddSingleton<TimeProvider>(clock).AddSingleton(new Seen<Tick>()).AddTimerFunction<RecordsTicks>(RecordsTicks.Name));

        var refusal = app.StartExpectingRefusal();

        Assert.Contains($"functions/{RecordsTicks.Name}/function.json 'schedule'", refusal, StringComparison.Ordinal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hours, int minutes, int seconds) => Day + new TimeSpan(hours, minutes, seconds);

    private FunctionsAppFactory StartRecording(TestAppRoot root, TimeProvider clock, Seen<Tick> seen, IDictionary<string, string?>? settings = null) =>
        Start(root, clock, services => services.AddSingleton(seen).AddTimerFunction<RecordsTicks>(RecordsTicks.Name), settings);

    private FunctionsAppFactory Start(TestAppRoot root, TimeProvider clock, Action<IServiceCollection> services, IDictionary<string, string?>? settings = null)
    {
        var app = new FunctionsAppFactory(azurite, root, prefix, collection => services(collection.AddSingleton(clock)), settings);
        app.Start();
        return app;
    }
}
