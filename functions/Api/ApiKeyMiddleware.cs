using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using SocialWatch.Access;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions.Api;

/// <summary>
/// Guards every HTTP function: the caller's key (x-api-key, or Authorization: Bearer), or a signed sign-in link from an
/// email (Authorization: SocialWatch-Link, read-only), must satisfy the function's <see cref="AccessRule"/>. A function
/// without a rule is admin-only (fail closed) unless it allows anonymous callers. Answers 401 (no or bad key, or a refused
/// link), 403 (the business's own key or link lacks the right), 404 (another business, or none).
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, FunctionManifest manifest)
{
    public const string ApiKeyHeader = "x-api-key";
    public const string LinkScheme = "SocialWatch-Link";
    private const string BearerPrefix = "Bearer ";
    private const string LinkPrefix = LinkScheme + " ";

    public async Task InvokeAsync(HttpContext context, AccessService access)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !IsHttpFunction(endpoint) || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var rule = endpoint.Metadata.GetMetadata<AccessRule>() ?? AccessRule.Admin;
        var businessId = context.GetRouteValue("businessId") as string;
        var link = PresentedLink(context.Request);
        var decision = link is null
            ? await access.DecideAsync(PresentedKey(context.Request), rule, businessId, context.RequestAborted)
            : await access.DecideLinkAsync(link, rule, businessId, context.RequestAborted);
        var field = link is null ? ApiKeyHeader : HeaderNames.Authorization;
        switch (decision.Status)
        {
            case AccessStatus.Granted:
                await next(context);
                return;
            case AccessStatus.Unauthenticated:
                context.Response.Headers.WWWAuthenticate = link is null ? "Bearer" : LinkScheme;
                await Problems.Of(StatusCodes.Status401Unauthorized, link is null ? "An API key is required." : "The sign-in link was refused.", field, decision.Message).ExecuteAsync(context);
                return;
            case AccessStatus.Forbidden:
                await Problems.Of(StatusCodes.Status403Forbidden, link is null ? "This key may not do this." : "This sign-in link may not do this.", field, decision.Message).ExecuteAsync(context);
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

    /// <summary>The token of <c>Authorization: SocialWatch-Link {token}</c>, when the caller signs in by an email's link.</summary>
    private static string? PresentedLink(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(LinkPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[LinkPrefix.Length..].Trim() : null;
    }

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
