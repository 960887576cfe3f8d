using System.Diagnostics;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Worker;

/// <summary>
/// Invokes functions in the worker over its stream: waits for a loaded worker, sends the InvocationRequest (the trigger value
/// under the trigger binding's name, the trigger metadata, a trace context) and reads the InvocationResponse. A caller's
/// cancellation sends InvocationCancel; a worker lost meanwhile fails the invocation.
/// </summary>
public sealed partial class WorkerFunctionInvoker(WorkerState state, ILogger<WorkerFunctionInvoker> logger) : IFunctionInvoker
{
    public async Task<InvocationOutcome> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        LoadedWorker worker;
        try
        {
            worker = await state.WhenReadyAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return InvocationOutcome.Cancelled;
        }
        catch (WorkerUnavailableException e)
        {
            return InvocationOutcome.Failed(e.Message);
        }

        return await InvokeAsync(worker, invocation, cancellationToken);
    }

    /// <summary>Invokes in the given worker, which must be the one the rest of the invocation (a forwarded request) goes to.</summary>
    public async Task<InvocationOutcome> InvokeAsync(LoadedWorker worker, FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        if (!worker.Functions.TryGet(invocation.FunctionName, out var function))
        {
            return InvocationOutcome.Failed($"The worker has no function named '{invocation.FunctionName}'.");
        }

        var request = Request(invocation, function);
        LogExecuting(function.Name, invocation.InvocationId);
        var started = Stopwatch.GetTimestamp();
        var outcome = await SendAsync(worker.Connection, request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (outcome.Status == InvocationStatus.Succeeded)
        {
            LogSucceeded(function.Name, invocation.InvocationId, elapsed.TotalMilliseconds);
        }
        else
        {
            LogNotSucceeded(function.Name, outcome.Status, invocation.InvocationId, elapsed.TotalMilliseconds, outcome.Error);
        }

        return outcome;
    }

    public static InvocationRequest Request(FunctionInvocation invocation, WorkerFunction function)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocation.InvocationId,
            FunctionId = function.FunctionId,
            // The worker reads the trace context of every invocation; a W3C traceparent ties the worker's spans to ours.
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00" },
        };
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = invocation.Input });
        foreach (var (key, value) in invocation.TriggerMetadata)
        {
            request.TriggerMetadata.Add(key, value);
        }
        return request;
    }

    private static async Task<InvocationOutcome> SendAsync(WorkerConnection connection, InvocationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await connection.RequestAsync(new StreamingMessage { InvocationRequest = request }, WorkerConnection.InvocationKey(request.InvocationId), cancellationToken);
            var result = answer.InvocationResponse.Result;
            return result?.Status switch
            {
                StatusResult.Types.Status.Success => InvocationOutcome.Succeeded,
                StatusResult.Types.Status.Cancelled => InvocationOutcome.Cancelled,
                _ => InvocationOutcome.Failed(result?.Exception?.Message ?? result?.Result ?? "The worker reported a failure."),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            connection.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
            return InvocationOutcome.Cancelled;
        }
        catch (WorkerLostException e)
        {
            return InvocationOutcome.Failed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Executing 'Functions.{FunctionName}' (Id={InvocationId})")]
    private partial void LogExecuting(string functionName, string invocationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs:0}ms)")]
    private partial void LogSucceeded(string functionName, string invocationId, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executed 'Functions.{FunctionName}' ({Status}, Id={InvocationId}, Duration={DurationMs:0}ms): {Error}")]
    private partial void LogNotSucceeded(string functionName, InvocationStatus status, string invocationId, double durationMs, string? error);
}
