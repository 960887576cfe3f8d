using System.Text.Json.Serialization;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The tenant services (businesses, plans, profiles, keys) and the OpenAPI document.</summary>
    public static IServiceCollection AddSocialWatchApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenants(configuration);
        // Bodies are read strictly (see JsonRequest); the OpenAPI schemas follow these options, so say so here too.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        return services;
    }

    /// <summary>
    /// Unhandled faults become 500 problem+json; browsers get CORS per business (preflights answered before any key is
    /// asked for); then every HTTP function is guarded by its API key rule.
    /// </summary>
    public static WebApplication UseSocialWatchApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseMiddleware<BusinessCorsMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();
        return app;
    }

    /// <summary>Declares who may call an HTTP function (checked by <see cref="ApiKeyMiddleware"/>) and documents its refusals.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder, AccessRule rule)
    {
        builder.WithMetadata(rule);
        builder.Add(endpoint => Problems.Describe(endpoint, rule.Tenant
            ? [StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound]
            : [StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]));
        return builder;
    }
}
