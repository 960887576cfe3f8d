using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Admin;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Http;
using SocialWatch.Host.Queues;
using SocialWatch.Host.Timers;
using SocialWatch.Host.Worker;
using SocialWatch.Storage;

namespace SocialWatch.Host;

public static class FunctionsHostExtensions
{
    public const string DefaultFrontDoor = "http://127.0.0.1:7071";

    /// <summary>The host's options, the worker's host.json, and the storage the triggers listen to (the app's own settings).</summary>
    public static WebApplicationBuilder AddHostSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FunctionsHostOptions>().BindConfiguration(FunctionsHostOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FunctionsHostOptions>, FunctionsHostOptionsValidator>();
        builder.Services.AddSingleton(provider => HostSettings.Load(provider.GetRequiredService<IOptions<FunctionsHostOptions>>().Value.WorkerDirectory, builder.Configuration));
        builder.Services.AddSocialWatchStorage(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>The worker process, kept running, and the FunctionRpc channel it connects back to on a loopback port of its own.</summary>
    public static WebApplicationBuilder AddWorker(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton<WorkerStreams>();
        builder.Services.AddSingleton<WorkerState>();
        builder.Services.AddSingleton<WorkerHandshake>();
        builder.Services.AddSingleton<WorkerFunctionInvoker>();
        builder.Services.AddSingleton<IFunctionInvoker>(provider => provider.GetRequiredService<WorkerFunctionInvoker>());
        // Registered before the triggers: they stop in reverse order, so the worker outlives the runs in flight.
        builder.Services.AddHostedService<WorkerSupervisor>();
        // The front door's URLs (ASPNETCORE_URLS, --urls; 127.0.0.1:7071 by default, as under Core Tools) and the gRPC endpoint,
        // which alone speaks HTTP/2 without TLS (a URL cannot say so: the endpoint defaults do, by its port).
        var grpc = new GrpcEndpoint(builder.Configuration.GetValue<int>($"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.GrpcPort)}"));
        builder.Services.AddSingleton(grpc);
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : DefaultFrontDoor;
        builder.WebHost.UseUrls($"{urls};{grpc.Uri}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The Functions host takes request bodies up to 100 MB and leaves smaller caps to the functions (Kestrel's own
            // default, 30 MB, would cut a larger upload off before the function could answer it with its 413).
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.ConfigureEndpointDefaults(listen =>
            {
                if (listen.IPEndPoint is { } endpoint && IPAddress.IsLoopback(endpoint.Address) && endpoint.Port == grpc.Port)
                {
                    listen.Protocols = HttpProtocols.Http2;
                }
            });
        });
        return builder;
    }

    /// <summary>The Functions host's limit on an HTTP request's body (httpRuntime maxRequestLength, 100 MB).</summary>
    public const long MaxRequestBodyBytes = 100L * 1024 * 1024;

    /// <summary>Timer and queue listeners for the worker's functions, started once the worker has declared them.</summary>
    public static WebApplicationBuilder AddTriggers(this WebApplicationBuilder builder)
    {
        builder.Services.AddTriggerListeners();
        builder.Services.AddHostedService<TriggerService>();
        return builder;
    }

    /// <summary>What runs a <see cref="TriggerPlan"/> (with storage, host.json settings and an invoker registered beside it).</summary>
    public static IServiceCollection AddTriggerListeners(this IServiceCollection services)
    {
        services.AddSingleton<ListenerQueueClients>();
        services.AddSingleton<TimerScheduleStore>();
        services.AddSingleton<TriggerListeners>();
        return services;
    }

    /// <summary>The HTTP front door: the worker's HTTP functions under the route prefix, forwarded to its HttpUri.</summary>
    public static WebApplicationBuilder AddHttpFrontDoor(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<WorkerHttpClient>();
        builder.Services.AddSingleton<FunctionEndpoints>();
        return builder;
    }

    public static WebApplication MapFunctionsHost(this WebApplication app)
    {
        // Unmatched routes (404) and wrong methods (405) answer problem+json, as every error here does.
        app.UseStatusCodePages();
        app.UseMiddleware<FrontDoorReadiness>();
        app.UseRouting();
        var grpc = app.Services.GetRequiredService<GrpcEndpoint>();
        app.MapGrpcService<FunctionRpcService>().RequireHost($"127.0.0.1:{grpc.Port}");
        app.MapAdmin();
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<FunctionEndpoints>());
        return app;
    }
}
