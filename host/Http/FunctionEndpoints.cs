using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Worker;

namespace SocialWatch.Host.Http;

/// <summary>Marks an endpoint as the front door of one HTTP function.</summary>
public sealed record HttpFunctionMetadata(string FunctionName);

/// <summary>
/// The front door's routes, one per HTTP function of the first worker: {routePrefix}/{route} with the trigger's methods, matched by
/// ASP.NET Core routing (constraints, optional and catch-all parameters, 405 for a known route with another method). Empty until
/// the worker has declared its functions; <see cref="Loaded"/> completes once routing sees them.
/// </summary>
public sealed partial class FunctionEndpoints : EndpointDataSource, IDisposable
{
    private readonly HostSettings host;
    private readonly IConfiguration configuration;
    private readonly ILogger<FunctionEndpoints> logger;
    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource changed = new();
    private IReadOnlyList<Endpoint> endpoints = [];

    public FunctionEndpoints(WorkerState state, HostSettings host, IConfiguration configuration, ILogger<FunctionEndpoints> logger)
    {
        this.host = host;
        this.configuration = configuration;
        this.logger = logger;
        state.Functions.ContinueWith(functions => Load(functions.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    public Task Loaded => loaded.Task;

    public void Dispose() => changed.Dispose();

    public override IReadOnlyList<Endpoint> Endpoints => endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(changed.Token);

    /// <summary>The route pattern of a function under the route prefix, as the Functions host and the worker build it.</summary>
    public static RoutePattern Pattern(string routePrefix, WorkerFunction function) =>
        RoutePatternFactory.Parse(routePrefix.Length == 0 ? function.Route : $"{routePrefix}/{function.Route}");

    public static Endpoint Build(RoutePattern pattern, WorkerFunction function, RequestDelegate handler)
    {
        var builder = new RouteEndpointBuilder(handler, pattern, order: 0) { DisplayName = function.Name };
        if (function.Methods.Count > 0)
        {
            builder.Metadata.Add(new HttpMethodMetadata(function.Methods));
        }

        builder.Metadata.Add(new HttpFunctionMetadata(function.Name));
        return builder.Build();
    }

    private void Load(FunctionCatalog functions)
    {
        var built = new List<Endpoint>();
        foreach (var function in functions.All.Where(f => f.Kind == TriggerKind.Http).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (TriggerPlan.IsDisabled(configuration, function.Name))
            {
                LogDisabled(function.Name);
                continue;
            }

            try
            {
                var pattern = Pattern(host.RoutePrefix, function);
                built.Add(Build(pattern, function, HttpForwarding.ForwardAsync));
                LogRoute(function.Name, function.Methods.Count == 0 ? ["*"] : function.Methods, pattern.RawText);
            }
            catch (RoutePatternException e)
            {
                LogBadRoute(function.Name, function.Route, e.Message);
            }
        }

        endpoints = built;
        // A fresh token for the next change; routing rebuilds its matcher inside Cancel, so the routes are live once Loaded completes.
        var signalled = Interlocked.Exchange(ref changed, new CancellationTokenSource());
        signalled.Cancel();
        signalled.Dispose();
        loaded.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName}: {Methods} /{Route}")]
    private partial void LogRoute(string functionName, IReadOnlyList<string> methods, string? route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} is disabled by its AzureWebJobs.{FunctionName}.Disabled setting")]
    private partial void LogDisabled(string functionName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName}: route '{Route}' is not a valid route template ({Error}); it is not served")]
    private partial void LogBadRoute(string functionName, string route, string error);
}
