using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Net.Http.Headers;
using SocialWatch.Businesses;

namespace SocialWatch.Functions.Api;

/// <summary>
/// CORS per business: a browser on one of a business's <see cref="Business.AllowedOrigins"/> may read (GET) the API under
/// <c>/api/businesses/{businessId}</c> with a key in the <c>x-api-key</c> header (never in a URL, where logs would keep it).
/// Any other origin gets no CORS header, so the browser withholds the answer. Every OPTIONS there is answered here (204) as
/// the invocation's result, before the key check since browsers send preflights without the key: with the grant for a listed
/// origin asking to GET with at most the key header, without it otherwise. The business is read through the store's read
/// cache, which the key check of the same request reads too.
/// </summary>
/// <remarks>
/// The Functions host forwards only the methods a function declares: a GET function under <c>businesses/{businessId}</c>
/// meant for browsers declares "get" and "options" so that preflights reach this middleware. The Function App's own CORS
/// setting must stay empty: it would answer preflights itself, with one list of origins for every business.
/// </remarks>
public sealed class BusinessCors(IBusinessStore businesses) : IFunctionsWorkerMiddleware
{
    /// <summary>How long a browser may reuse a preflight answer. Short, so a removed origin is refused again soon.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    private static readonly string MaxAgeSeconds = ((int)PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || http.GetRouteValue("businessId") is not string businessId)
        {
            await next(context);
            return;
        }

        var request = http.Request;
        // Whatever the origin, the answer depends on it: shared caches must keep one copy per origin.
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        var origin = request.Headers.Origin.ToString();
        if (HttpMethods.IsOptions(request.Method))
        {
            // 204 with the grant, or 204 without it: the browser then refuses the request it meant to send.
            if (IsGrantablePreflight(request) && await IsAllowedAsync(businessId, origin, context.CancellationToken))
            {
                var headers = http.Response.Headers;
                headers.AccessControlAllowOrigin = origin;
                headers.AccessControlAllowMethods = HttpMethods.Get;
                headers.AccessControlAllowHeaders = ApiKeys.ApiKeyHeader;
                headers.AccessControlMaxAge = MaxAgeSeconds;
            }

            context.GetInvocationResult().Value = TypedResults.NoContent();
            return;
        }

        // Refusals (401, 404) carry the grant too, so that a page can tell a bad key or a missing endpoint from a network fault.
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && await IsAllowedAsync(businessId, origin, context.CancellationToken))
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
        }

        await next(context);
    }

    /// <summary>A preflight for a read, with at most the key header: writes stay out of reach of any browser page.</summary>
    private static bool IsGrantablePreflight(HttpRequest request)
    {
        var method = request.Headers.AccessControlRequestMethod.ToString();
        var requestedHeaders = request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (method == HttpMethods.Get || method == HttpMethods.Head)
            && requestedHeaders.All(h => h.Equals(ApiKeys.ApiKeyHeader, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<bool> IsAllowedAsync(string businessId, string origin, CancellationToken cancellationToken) =>
        origin.Length > 0
        && BusinessRules.IsId(businessId)
        && await businesses.FindAsync(businessId, cancellationToken) is { Value.IsActive: true } business
        && business.Value.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
}
