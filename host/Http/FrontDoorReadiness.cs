using Microsoft.Extensions.Options;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Worker;

namespace SocialWatch.Host.Http;

/// <summary>
/// Requests for the functions wait here, bounded, while no worker has loaded (at start, or during a restart after a crash);
/// 503 at once while workers fail to start.
/// </summary>
public sealed class FrontDoorReadiness(RequestDelegate next, WorkerState state, FunctionEndpoints endpoints, HostSettings host, IOptions<FunctionsHostOptions> options)
{
    private readonly PathString prefix = host.RoutePrefix.Length == 0 ? PathString.Empty : new PathString("/" + host.RoutePrefix);

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsForFunctions(context.Request.Path))
        {
            try
            {
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                waiting.CancelAfter(options.Value.HttpWorkerWait);
                await state.WhenReadyAsync(waiting.Token);
                await endpoints.Loaded.WaitAsync(waiting.Token);
            }
            catch (Exception e) when (e is WorkerUnavailableException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
            {
                await Results.Problem($"The worker is not running ({state.State}: {state.Error ?? "still starting"}); try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private bool IsForFunctions(PathString path) =>
        prefix.HasValue ? path.StartsWithSegments(prefix) : !path.StartsWithSegments("/admin");
}
