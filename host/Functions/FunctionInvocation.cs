using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Functions;

/// <summary>
/// One invocation as a trigger hands it over: the trigger binding's value and the trigger metadata, in the protocol's own
/// types, so that what a listener builds is exactly what the worker receives.
/// </summary>
public sealed record FunctionInvocation(string FunctionName, string InvocationId, TypedData Input, IReadOnlyDictionary<string, TypedData> TriggerMetadata)
{
    public static FunctionInvocation Create(string functionName, TypedData input, IReadOnlyDictionary<string, TypedData> triggerMetadata) =>
        new(functionName, Guid.NewGuid().ToString(), input, triggerMetadata);
}

public enum InvocationStatus
{
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>How an invocation ended; a failure carries the worker's (or the host's) reason.</summary>
public sealed record InvocationOutcome(InvocationStatus Status, string? Error = null)
{
    public static readonly InvocationOutcome Succeeded = new(InvocationStatus.Succeeded);

    public static readonly InvocationOutcome Cancelled = new(InvocationStatus.Cancelled);

    public static InvocationOutcome Failed(string error) => new(InvocationStatus.Failed, error);
}

/// <summary>Runs a function in the worker. Never throws for a failed function: the outcome says how it went.</summary>
public interface IFunctionInvoker
{
    Task<InvocationOutcome> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken);
}
