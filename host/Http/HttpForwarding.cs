using System.Net;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace SocialWatch.Host.Http;

/// <summary>
/// Serves an HTTP function as the Functions host does for a worker with an HttpUri: the request goes to the worker's own HTTP
/// server through YARP's forwarder (X-Forwarded-* added, the Host header the worker's), tagged with x-ms-invocation-id, and the
/// matching InvocationRequest goes down the stream; the worker pairs them by that id and answers the forwarded request.
/// </summary>
public static partial class HttpForwarding
{
    /// <summary>The header the worker pairs a forwarded request with its InvocationRequest by.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    public static async Task ForwardAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var function = context.GetEndpoint()!.Metadata.GetRequiredMetadata<HttpFunctionMetadata>().FunctionName;
        // One worker for both halves: the forwarded request and the InvocationRequest must meet in the same process.
        var worker = services.GetRequiredService<WorkerState>().Current;
        if (worker?.HttpUri is not { } httpUri)
        {
            await Problem(context, worker is null ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.InternalServerError, worker is null
                ? "The worker is restarting; try again shortly."
                : "The worker advertised no HttpUri: it must use the ASP.NET Core integration (ConfigureFunctionsWebApplication).");
            return;
        }

        // The metadata is taken before the correlation header is added, as the host binds the request before forwarding it.
        var invocation = HttpTriggerData.Invocation(function, context.Request);
        context.Request.Headers[InvocationIdHeader] = invocation.InvocationId;
        var client = services.GetRequiredService<WorkerHttpClient>();
        using var invocationAborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var forwarding = services.GetRequiredService<IHttpForwarder>().SendAsync(context, httpUri.ToString(), client.Invoker, client.RequestConfig, HttpTransformer.Default);
        var invoking = services.GetRequiredService<WorkerFunctionInvoker>().InvokeAsync(worker, invocation, invocationAborted.Token);
        var error = await forwarding;
        if (error != ForwarderError.None)
        {
            // The worker never got (or never answered) the request: its half of the invocation would wait 15 s for it in vain.
            await invocationAborted.CancelAsync();
            LogForwardingFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpForwarding).FullName!), function, invocation.InvocationId, error, context.GetForwarderErrorFeature()?.Exception?.Message);
        }

        var outcome = await invoking;
        if (!context.Response.HasStarted && (error != ForwarderError.None || outcome.Status != InvocationStatus.Succeeded))
        {
            await Problem(context, error != ForwarderError.None ? HttpStatusCode.BadGateway : HttpStatusCode.InternalServerError, $"Function {function} failed: {outcome.Error ?? $"the worker could not be reached ({error})"}");
        }
    }

    private static Task Problem(HttpContext context, HttpStatusCode status, string detail)
    {
        context.Response.Clear();
        return Results.Problem(detail, statusCode: (int)status).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName}: forwarding invocation {InvocationId} to the worker failed ({Error}: {Detail})")]
    private static partial void LogForwardingFailed(ILogger logger, string functionName, string invocationId, ForwarderError error, string? detail);
}
