using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using SocialWatch.Access;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions.Api;

/// <summary>
/// Guards every HTTP function: the caller's key (x-api-key, or Authorization: Bearer) must satisfy the function's
/// <see cref="AccessRule"/>. A function without a rule is admin-only (fail closed) unless it allows anonymous callers.
/// Answers 401 (no or bad key), 403 (the business's own key lacks the right), 404 (another business, or none).
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, FunctionManifest manifest)
{
    public const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext context, AccessService access)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !IsHttpFunction(endpoint) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var rule = endpoint.Metadata.GetMetadata<AccessRule>() ?? AccessRule.Admin;
        var decision = await access.DecideAsync(PresentedKey(context.Request), rule, context.GetRouteValue("businessId") as string, context.RequestAborted);
        switch (decision.Status)
        {
            case AccessStatus.Granted:
                await next(context);
                return;
            case AccessStatus.Unauthenticated:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.Of(StatusCodes.Status401Unauthorized, "An API key is required.", ApiKeyHeader, decision.Message).ExecuteAsync(context);
                return;
            case AccessStatus.Forbidden:
                await Problems.Of(StatusCodes.Status403Forbidden, "This key may not do this.", ApiKeyHeader, decision.Message).ExecuteAsync(context);
                return;
            default:
                await Problems.Of(StatusCodes.Status404NotFound, "Not found.", "businessId", decision.Message).ExecuteAsync(context);
                return;
        }
    }

    private bool IsHttpFunction(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name
        && manifest.Functions.TryGetValue(name.EndpointName, out var function)
        && function.Kind == TriggerKind.Http;

    private static string? PresentedKey(HttpRequest request)
    {
        var key = request.Headers[ApiKeyHeader];
        if (key.Count > 0)
        {
            // Two x-api-key headers are ambiguous: joined by a comma (which no key holds) they make an invalid key.
            return key.ToString().Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }
}
