using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Net.Http.Headers;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>
/// Guards every HTTP function: the caller's key (x-api-key, or Authorization: Bearer), or a signed sign-in link from an
/// email (Authorization: SocialWatch-Link, read-only), must satisfy the function's <see cref="CalledByAttribute"/>. A function
/// without one is admin-only (fail closed). Answers 401 (no or bad key, or a refused link), 403 (the business's own key or
/// link lacks the right), 404 (another business, or none). A refusal is the invocation's result: the function does not run,
/// and the invocation completes at once (an answer given around the invocation would leave the host waiting for it).
/// </summary>
public sealed class ApiKeys(HttpFunctionCatalog catalog, AccessService access) : IFunctionsWorkerMiddleware
{
    public const string ApiKeyHeader = "x-api-key";
    public const string LinkScheme = "SocialWatch-Link";
    private const string BearerPrefix = "Bearer ";
    private const string LinkPrefix = LinkScheme + " ";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || catalog.Find(context.FunctionDefinition.Name) is not { } function || function.Caller == ApiCaller.Anyone)
        {
            await next(context);
            return;
        }

        var rule = function.Access?.Rule ?? AccessRule.Admin;
        var businessId = http.GetRouteValue("businessId") as string;
        var link = PresentedLink(http.Request);
        var decision = link is null
            ? await access.DecideAsync(PresentedKey(http.Request), rule, businessId, context.CancellationToken)
            : await access.DecideLinkAsync(link, rule, businessId, context.CancellationToken);
        var field = link is null ? ApiKeyHeader : HeaderNames.Authorization;
        switch (decision.Status)
        {
            case AccessStatus.Granted:
                await next(context);
                return;
            case AccessStatus.Unauthenticated:
                http.Response.Headers.WWWAuthenticate = link is null ? "Bearer" : LinkScheme;
                context.GetInvocationResult().Value = Problems.Of(StatusCodes.Status401Unauthorized, link is null ? "An API key is required." : "The sign-in link was refused.", field, decision.Message);
                return;
            case AccessStatus.Forbidden:
                context.GetInvocationResult().Value = Problems.Of(StatusCodes.Status403Forbidden, link is null ? "This key may not do this." : "This sign-in link may not do this.", field, decision.Message);
                return;
            default:
                context.GetInvocationResult().Value = Problems.Of(StatusCodes.Status404NotFound, "Not found.", "businessId", decision.Message);
                return;
        }
    }

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
