using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using SocialWatch.Telemetry;

namespace SocialWatch.Functions.Telemetry;

/// <summary>
/// Traces, metrics and a log line per invocation, whatever fired it: an activity named after the function, its outcome and
/// duration (socialwatch.function.*), and for a queue function how long its message waited (socialwatch.queue.age, from the
/// trigger's InsertionTime).
/// </summary>
public sealed partial class InvocationTelemetry(SocialWatchMetrics metrics, ILogger<InvocationTelemetry> logger) : IFunctionsWorkerMiddleware
{
    public const string ActivitySourceName = "SocialWatch.Functions";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Each queue function's queue, as its [QueueTrigger] names it: the tag of its messages' age.</summary>
    private static readonly Dictionary<string, string> QueueNames =
        FunctionDeclarations.Of<QueueTriggerAttribute>(typeof(InvocationTelemetry).Assembly).ToDictionary(f => f.Name, f => f.Trigger.QueueName, StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var name = context.FunctionDefinition.Name;
        var trigger = context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))?.Type ?? "unknown";
        if (QueueNames.TryGetValue(name, out var queue) && InsertionTime(context) is { } inserted)
        {
            metrics.RecordQueueAge(queue, inserted);
        }

        using var activity = Source.StartActivity(name);
        activity?.SetTag("faas.invocation_id", context.InvocationId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordInvocation(name, trigger, InvocationOutcome.Succeeded, elapsed);
            LogSucceeded(name, elapsed);
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested || e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordInvocation(name, trigger, InvocationOutcome.Failed, elapsed);
            LogFailed(e, name, elapsed);
            throw;
        }
    }

    /// <summary>The queue message's InsertionTime, which the host sends as a JSON date in the trigger metadata.</summary>
    private static DateTimeOffset? InsertionTime(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("InsertionTime", out var value) && value is string text
            && (TryParseJsonDate(text, out var inserted) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out inserted))
            ? inserted
            : null;

    private static bool TryParseJsonDate(string text, out DateTimeOffset value)
    {
        value = default;
        try
        {
            value = JsonSerializer.Deserialize<DateTimeOffset>(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} succeeded in {Elapsed}")]
    private partial void LogSucceeded(string functionName, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed after {Elapsed}")]
    private partial void LogFailed(Exception exception, string functionName, TimeSpan elapsed);
}
