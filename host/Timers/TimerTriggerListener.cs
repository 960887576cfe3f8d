using SocialWatch.Host.Functions;
using SocialWatch.Host.Queues;

namespace SocialWatch.Host.Timers;

/// <summary>A timer function with its schedule resolved: ready to run.</summary>
public sealed record TimerTrigger(string FunctionName, TimerSchedule Schedule, bool RunOnStartup);

/// <summary>
/// Fires one timer function on its schedule, with the Functions host's semantics: one run at a time (occurrences missed during a
/// long run are skipped), a failed run is logged and not retried, and an occurrence missed while the host was down fires once at
/// start with IsPastDue.
/// </summary>
public sealed partial class TimerTriggerListener(TimerTrigger trigger, IFunctionInvoker invoker, TimerScheduleStore store, TimeProvider time, ILogger<TimerTriggerListener> logger)
{
    // Task.Delay accepts at most about 49 days; a yearly schedule waits in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan StorageRetryCeiling = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken stopping, CancellationToken aborting)
    {
        try
        {
            var status = await ReadStatusAsync(stopping);
            var now = time.GetUtcNow();
            if (status is not null && trigger.Schedule.DueAccordingTo(status) < now)
            {
                LogPastDue(trigger.FunctionName, trigger.Schedule.DueAccordingTo(status));
                status = await FireAsync(now, isPastDue: true, status, aborting);
            }
            else if (trigger.RunOnStartup)
            {
                status = await FireAsync(now, isPastDue: false, status, aborting);
            }

            while (!stopping.IsCancellationRequested)
            {
                var next = trigger.Schedule.NextAfter(time.GetUtcNow());
                LogNextRun(trigger.FunctionName, next);
                await WaitUntilAsync(next, stopping);
                status = await FireAsync(next, isPastDue: false, status, aborting);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopped(trigger.FunctionName);
        }
    }

    private async Task<TimerScheduleStatus?> ReadStatusAsync(CancellationToken stopping)
    {
        var backoff = new PollingBackoff(StorageRetryCeiling);
        while (true)
        {
            try
            {
                return await store.GetAsync(trigger.FunctionName, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var delay = backoff.NextDelay();
                LogStorageFault(e, trigger.FunctionName, delay);
                await Task.Delay(delay, time, stopping);
            }
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        for (var remaining = due - time.GetUtcNow(); remaining > TimeSpan.Zero; remaining = due - time.GetUtcNow())
        {
            await Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, stopping);
        }
    }

    /// <summary>Runs the function once, then records the run: Last is the occurrence that fired, Next the one after the run ended.</summary>
    private async Task<TimerScheduleStatus> FireAsync(DateTimeOffset occurrence, bool isPastDue, TimerScheduleStatus? status, CancellationToken aborting)
    {
        var outcome = await invoker.InvokeAsync(FunctionInvocation.Create(trigger.FunctionName, TimerInfoData.From(isPastDue, status), TriggerMetadata.None), aborting);
        if (outcome.Status == InvocationStatus.Cancelled)
        {
            // Cut short by shutdown: the run did not complete, so its status is not written.
            aborting.ThrowIfCancellationRequested();
        }

        if (outcome.Status != InvocationStatus.Succeeded)
        {
            // Like the host, a timer does not retry: the next occurrence is the next chance.
            LogRunFailed(trigger.FunctionName, outcome.Error);
        }

        var finished = time.GetUtcNow();
        var updated = new TimerScheduleStatus(occurrence, trigger.Schedule.NextAfter(finished), finished);
        try
        {
            await store.SaveAsync(trigger.FunctionName, updated, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The status is kept in memory and saved after the next run; only a restart before then would miss a past-due run.
            LogStatusNotSaved(e, trigger.FunctionName);
        }

        return updated;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName}: next run at {Next:O}")]
    private partial void LogNextRun(string functionName, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} is past due: the occurrence at {Due:O} was missed while the host was down; running now with IsPastDue")]
    private partial void LogPastDue(string functionName, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} run failed ({Error}); timers do not retry, it runs again at its next occurrence")]
    private partial void LogRunFailed(string functionName, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName}: reading its schedule status failed; retrying in {Delay}")]
    private partial void LogStorageFault(Exception exception, string functionName, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName}: saving its schedule status failed; it is saved again after the next run")]
    private partial void LogStatusNotSaved(Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName} stopped")]
    private partial void LogStopped(string functionName);
}
