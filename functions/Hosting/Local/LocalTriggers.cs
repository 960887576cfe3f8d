using Microsoft.Extensions.Options;

namespace SocialWatch.Functions.Hosting.Local;

/// <summary>
/// Local mode: this process fires its own timer and queue functions from the same function.json and host.json the Functions host
/// reads, through the same <see cref="FunctionInvoker"/>, as its <see cref="LocalTriggerPlan"/> resolved them.
/// </summary>
internal sealed partial class LocalTriggers(
    LocalTriggerPlan plan,
    FunctionManifest manifest,
    IOptions<FunctionsOptions> options,
    LocalQueueClients queues,
    TimerScheduleStore schedules,
    FunctionInvoker invoker,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly ILogger<LocalTriggers> logger = loggers.CreateLogger<LocalTriggers>();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource aborting = new();
    private readonly List<Task> listeners = [];
    private readonly Lock stopLock = new();
    private Task? stopped;

    public Task StartAsync(CancellationToken cancellationToken)
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
            var listener = new QueueTriggerListener(queue, manifest.Host.Queues, options.Value.QueueMessageLease, queues, invoker, time, loggers.CreateLogger<QueueTriggerListener>());
            listeners.Add(Task.Run(() => listener.RunAsync(stopping.Token, aborting.Token), CancellationToken.None));
            LogQueueStarted(queue.FunctionName, queue.QueueName);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops receiving and waits for the runs in flight; if the caller's shutdown deadline ends first, the runs are cancelled.
    /// The host may be stopped twice (its own shutdown, then its owner's): a second stop waits for the first to finish too.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task stop;
        lock (stopLock)
        {
            stop = stopped ??= StopListenersAsync();
        }

        await using var abort = cancellationToken.Register(aborting.Cancel);
        try
        {
            await stop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
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

public static class LocalTriggersServiceCollectionExtensions
{
    /// <summary>Local mode: timers and queue listeners driven from function.json and host.json by this process.</summary>
    public static IServiceCollection AddLocalTriggers(this IServiceCollection services)
    {
        services.AddSingleton<LocalQueueClients>();
        services.AddSingleton<TimerScheduleStore>();
        services.AddSingleton<LocalTriggerPlan>();
        services.AddHostedService<LocalTriggers>();
        return services;
    }
}
