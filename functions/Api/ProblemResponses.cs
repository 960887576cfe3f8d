using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SocialWatch.Functions.Api;

/// <summary>
/// An HTTP function that throws answers 500 problem+json, never a bare error page or a connection cut; the fault is logged
/// with the invocation. Timer and queue functions rethrow, so that the host retries and poisons as configured.
/// </summary>
public sealed partial class ProblemResponses(ILogger<ProblemResponses> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { RequestAborted.IsCancellationRequested: false } http && !http.Response.HasStarted)
        {
            LogFault(e, context.FunctionDefinition.Name, context.InvocationId);
            context.GetInvocationResult().Value = TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.", detail: $"The fault is logged with invocation {context.InvocationId}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed in invocation {InvocationId}: answered 500")]
    private partial void LogFault(Exception exception, string functionName, string invocationId);
}
