using System.Diagnostics;
using SocialWatch.Telemetry;

namespace SocialWatch.Functions.Hosting;

/// <summary>
/// Runs a timer or queue function by name, in its own DI scope. Both runtimes come through here,
/// so a function behaves the same whether the Functions host or the local runtime fired it.
/// </summary>
public sealed partial class FunctionInvoker(IServiceScopeFactory scopes, FunctionManifest manifest, SocialWatchMetrics metrics, ILogger<FunctionInvoker> logger)
{
    private static readonly ActivitySource Source = new("SocialWatch.Functions");

    public Task InvokeTimerAsync(string functionName, TimerInvocation timer, CancellationToken cancellationToken) =>
        InvokeAsync<ITimerFunction>(functionName, TriggerKind.Timer, f => f.RunAsync(timer, cancellationToken), cancellationToken);

    public Task InvokeQueueAsync(string functionName, QueueInvocation message, CancellationToken cancellationToken) =>
        InvokeAsync<IQueueFunction>(functionName, TriggerKind.Queue, f => f.RunAsync(message, cancellationToken), cancellationToken, message.InsertionTime);

    public bool Knows(string functionName, out TriggerKind kind)
    {
        kind = default;
        if (!manifest.Functions.TryGetValue(functionName, out var definition))
        {
            return false;
        }

        kind = definition.Kind;
        return true;
    }

    private async Task InvokeAsync<TFunction>(string functionName, TriggerKind kind, Func<TFunction, Task> run, CancellationToken cancellationToken, DateTimeOffset? enqueuedAt = null)
        where TFunction : notnull
    {
        var definition = manifest[functionName];
        if (definition.Kind != kind)
        {
            throw new InvalidOperationException($"Function '{functionName}' has a {definition.Kind} trigger, not {kind}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (enqueuedAt is { } inserted)
        {
            metrics.RecordQueueAge(definition.QueueName ?? definition.Name, inserted);
        }

        using var activity = Source.StartActivity(functionName);
        await using var scope = scopes.CreateAsyncScope();
        var function = scope.ServiceProvider.GetRequiredKeyedService<TFunction>(definition.Name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await run(function);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordInvocation(definition.Name, definition.Trigger.Type, InvocationOutcome.Succeeded, elapsed);
            LogSucceeded(definition.Name, elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordInvocation(definition.Name, definition.Trigger.Type, InvocationOutcome.Failed, elapsed);
            LogFailed(e, definition.Name, elapsed);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} succeeded in {Elapsed}")]
    private partial void LogSucceeded(string functionName, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed after {Elapsed}")]
    private partial void LogFailed(Exception exception, string functionName, TimeSpan elapsed);
}
