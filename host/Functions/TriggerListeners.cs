using Microsoft.Extensions.Options;
using SocialWatch.Host.Queues;
using SocialWatch.Host.Timers;

namespace SocialWatch.Host.Functions;

/// <summary>
/// Runs a <see cref="TriggerPlan"/>: one listener per timer and per queue, each invoking its function through the invoker.
/// Stopping ends the receives and waits for the runs in flight; if the caller's shutdown deadline ends first, they are cancelled.
/// </summary>
public sealed partial class TriggerListeners(
    HostSettings host,
    IOptions<FunctionsHostOptions> options,
    ListenerQueueClients queues,
    TimerScheduleStore schedules,
    IFunctionInvoker invoker,
    TimeProvider time,
    ILoggerFactory loggers) : IDisposable
{
    private readonly ILogger<TriggerListeners> logger = loggers.CreateLogger<TriggerListeners>();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource aborting = new();
    private readonly List<Task> listeners = [];
    private readonly Lock stopLock = new();
    private Task? stopped;

    public void Start(TriggerPlan plan)
    {
        foreach (var timer in plan.Timers)
        {
            if (timer.RunOnStartup)
            {
                LogRunOnStartup(timer.FunctionName);
            }

            var listener = new TimerTriggerListener(timer, invoker, schedules, time, loggers.CreateLogger<TimerTriggerListener>());
            listeners.Add(Task.Run(() => listener.RunAsync(stopping.Token, aborting.Token), CancellationToken.None));
            LogTimerStarted(timer.FunctionName, timer.Schedule.Expression);
        }

        foreach (var queue in plan.Queues)
        {
            var listener = new QueueTriggerListener(queue, host.Queues, options.Value.QueueMessageLease, queues, invoker, time, loggers.CreateLogger<QueueTriggerListener>());
            listeners.Add(Task.Run(() => listener.RunAsync(stopping.Token, aborting.Token), CancellationToken.None));
            LogQueueStarted(queue.FunctionName, queue.QueueName);
        }
    }

    /// <summary>The listeners may be stopped twice (the host's own shutdown, then its owner's): a second stop waits for the first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task stop;
        lock (stopLock)
        {
            stop = stopped ??= StopListenersAsync();
        }

        try
        {
            await stop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled here rather than by a registration on the deadline, which this method's end could remove before it ran.
            await aborting.CancelAsync();
            LogShutdownTimedOut(listeners.Count(l => !l.IsCompleted));
        }
    }

    public void Dispose()
    {
        stopping.Dispose();
        aborting.Dispose();
    }

    private async Task StopListenersAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(listeners);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} runs on '{Schedule}' (UTC)")]
    private partial void LogTimerStarted(string functionName, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} listens to queue {QueueName}")]
    private partial void LogQueueStarted(string functionName, string queueName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} has runOnStartup: it runs at every start; production must not use it (each scale-out or restart fires it)")]
    private partial void LogRunOnStartup(string functionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timed out with {Count} trigger listeners still finishing their runs; those runs were cancelled")]
    private partial void LogShutdownTimedOut(int count);
}
