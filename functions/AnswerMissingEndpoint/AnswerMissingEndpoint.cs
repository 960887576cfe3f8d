using Microsoft.Azure.Functions.Worker;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET (and preflight) of any other path under /api/businesses/{businessId}/: 404 problem+json from the worker rather than
/// the host's bare 404, so that CORS per business applies to it and a page on the business's site can tell an endpoint
/// not deployed from a network failure. Routes with literal segments win over this catch-all in every host.
/// </summary>
public sealed class AnswerMissingEndpoint
{
    [Function(nameof(AnswerMissingEndpoint))]
    [CalledBy(ApiCaller.Anyone)]
    [Undocumented]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/{*path}")] HttpRequest request, string path) =>
        Problems.Of(StatusCodes.Status404NotFound, "Not found.", "path", $"No endpoint of this API is at '{path}' under a business.");
}
