using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocialWatch.Storage;

namespace SocialWatch.Functions.Hosting.Local;

/// <summary>
/// Local mode: this process fires its own timer and queue functions from the same function.json and host.json the Functions host
/// reads, through the same <see cref="FunctionInvoker"/>. Every trigger is resolved before any starts, so a bad schedule or a
/// missing app setting refuses the start with a message naming the function.
/// </summary>
internal sealed partial class LocalTriggers(
    FunctionManifest manifest,
    IConfiguration configuration,
    StorageNames names,
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
    private int stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var timers = new List<TimerTrigger>();
        var queueTriggers = new List<QueueTrigger>();
        var problems = new List<string>();
        foreach (var function in manifest.Functions.Values.Where(f => f.Kind != TriggerKind.Http))
        {
            if (IsDisabled(function.Name))
            {
                LogDisabled(function.Name);
                continue;
            }

            try
            {
                if (function.Kind == TriggerKind.Timer)
                {
                    timers.Add(new TimerTrigger(function.Name, TimerSchedule.Parse(function, configuration), function.RunOnStartup));
                }
                else
                {
                    queueTriggers.Add(new QueueTrigger(function.Name, QueueName(function)));
                }
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The local runtime cannot start the triggers: " + string.Join(" ", problems));
        }

        foreach (var timer in timers)
        {
            if (timer.RunOnStartup)
            {
                LogRunOnStartup(timer.FunctionName);
            }

            var listener = new TimerTriggerListener(timer, invoker, schedules, time, loggers.CreateLogger<TimerTriggerListener>());
            listeners.Add(Task.Run(() => listener.RunAsync(stopping.Token, aborting.Token), CancellationToken.None));
            LogTimerStarted(timer.FunctionName, timer.Schedule.Expression);
        }

        foreach (var queue in queueTriggers)
        {
            var listener = new QueueTriggerListener(queue, manifest.Host.Queues, options.Value.QueueMessageLease, queues, invoker, time, loggers.CreateLogger<QueueTriggerListener>());
            listeners.Add(Task.Run(() => listener.RunAsync(stopping.Token, aborting.Token), CancellationToken.None));
            LogQueueStarted(queue.FunctionName, queue.QueueName);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops receiving and waits for the runs in flight; if the host's shutdown timeout ends first, the runs are cancelled.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop twice (its own shutdown, then its owner's), and may dispose us in between.
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await using var abort = cancellationToken.Register(aborting.Cancel);
        try
        {
            await Task.WhenAll(listeners).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogShutdownTimedOut(listeners.Count(l => !l.IsCompleted));
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref stopped, 1);
        stopping.Dispose();
        aborting.Dispose();
    }

    /// <summary>The host's switch for turning one function off: app setting AzureWebJobs.{FunctionName}.Disabled = true.</summary>
    private bool IsDisabled(string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;

    private string QueueName(FunctionDefinition function)
    {
        var where = $"functions/{function.Name}/function.json 'queueName'";
        var declared = function.QueueName ?? throw new InvalidOperationException($"{where} is missing: a queueTrigger needs the queue it listens to.");
        var name = names.Queue(AppSettingReferences.Resolve(declared, configuration, where));
        // The poison queue's name adds "-poison" and must be a valid queue name too (63 characters at most).
        return QueueNamePattern().IsMatch(name) && name.Length <= 63 - "-poison".Length
            ? name
            : throw new InvalidOperationException($"{where} gives queue '{name}': queue names are 3 to 56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (room is left for '-poison').");
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,}$")]
    private static partial Regex QueueNamePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} runs on '{Schedule}' (UTC)")]
    private partial void LogTimerStarted(string functionName, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} listens to queue {QueueName}")]
    private partial void LogQueueStarted(string functionName, string queueName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} is disabled by its AzureWebJobs.{FunctionName}.Disabled setting")]
    private partial void LogDisabled(string functionName);

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
        services.AddHostedService<LocalTriggers>();
        return services;
    }
}
