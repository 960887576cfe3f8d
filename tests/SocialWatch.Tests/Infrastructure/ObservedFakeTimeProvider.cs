using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A FakeTimeProvider that also tells when someone starts waiting for a given time, so a test advances the clock only once
/// the timer under test is armed (no race between arming and advancing).
/// </summary>
public sealed class ObservedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<DateTimeOffset> wakeTimes = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var wakeTime = GetUtcNow() + dueTime;
        var timer = base.CreateTimer(callback, state, dueTime, period);
        // Told only once the timer exists: a test that advances on this news must not overtake its creation.
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            wakeTimes.Enqueue(wakeTime);
        }

        return timer;
    }

    /// <summary>Waits (in real time) until a timer is set to wake at <paramref name="wakeTime"/>, then moves the clock there.</summary>
    public async Task AdvanceWhenArmedAsync(DateTimeOffset wakeTime)
    {
        await WaitUntilArmedAsync(wakeTime);
        var now = GetUtcNow();
        if (wakeTime > now)
        {
            Advance(wakeTime - now);
        }
    }

    public Task WaitUntilArmedAsync(DateTimeOffset wakeTime) =>
        Eventually.TrueAsync(() => wakeTimes.Contains(wakeTime), $"a timer armed for {wakeTime:O}");
}
