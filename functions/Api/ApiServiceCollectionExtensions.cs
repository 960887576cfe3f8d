using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Access;
using SocialWatch.Functions.Diagnostics;

namespace SocialWatch.Functions.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The Functions host's limit on an HTTP request's body, which it forwards whole to the worker.</summary>
    public const long ForwardedBodyLimit = 100L * 1024 * 1024;

    /// <summary>The tenant services (businesses, plans, profiles, keys), the catalog of HTTP functions and its OpenAPI document.</summary>
    public static IServiceCollection AddSocialWatchApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenants(configuration);
        // Bodies are read strictly (see JsonRequest); answers and the OpenAPI schemas follow these options too.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddSingleton(_ => HttpFunctionCatalog.Load(typeof(ApiServiceCollectionExtensions).Assembly, AppDirectory(configuration)));
        // The OpenAPI document: the framework's generator, fed the HTTP functions' declarations instead of endpoints (the
        // worker has none, nor the routing the endpoints' describer needs).
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        services.RemoveAll<IApiDescriptionProvider>();
        services.AddSingleton<IApiDescriptionProvider, HttpFunctionApiDescriptions>();
        services.AddSingleton(provider => new ApiDocument(provider.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name)));
        return services;
    }

    /// <summary>
    /// The worker middleware of HTTP functions, in order: faults become 500 problem+json; browsers get CORS per business
    /// (preflights answered before any key is asked for); then every function is guarded by its key rule. With
    /// SocialWatch:Diagnostics:RecordInvocations set, what the worker saw of each invocation is recorded first.
    /// </summary>
    public static FunctionsApplicationBuilder UseSocialWatchApi(this FunctionsApplicationBuilder builder)
    {
        // The host forwards bodies up to its own limit (100 MB); the functions cap what they read and answer 413, and the
        // worker's server must take in the rest meanwhile (Kestrel's own 30 MB would break the forwarded request: 502).
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = ForwardedBodyLimit);
        builder.UseInvocationRecording();
        builder.UseMiddleware<ProblemResponses>();
        builder.UseMiddleware<BusinessCors>();
        builder.UseMiddleware<ApiKeys>();
        return builder;
    }

    // The host names the app's folder (host.json's place) in FUNCTIONS_APPLICATION_DIRECTORY, as the worker itself reads it.
    private static string AppDirectory(IConfiguration configuration) =>
        configuration["FUNCTIONS_APPLICATION_DIRECTORY"] is { Length: > 0 } directory ? directory : AppContext.BaseDirectory;
}
