using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialWatch.Access;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses/{businessId}/keys (admin): issues a key; the answer is the only time its secret is shown.</summary>
public sealed class IssueApiKey(ApiKeyService keys, HttpFunctionCatalog catalog)
{
    [Function(nameof(IssueApiKey))]
    [CalledBy(ApiCaller.TenantAdmin)]
    [JsonBody(typeof(ApiKeyInput))]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status409Conflict, HttpFunctionApiDescriptions.ProblemMediaType)]
    public async Task<Results<VersionedCreated<IssuedApiKey>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "businesses/{businessId}/keys")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ApiKeyInput>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await keys.IssueAsync(businessId, body.Value!, cancellationToken), k => catalog.PathOf(nameof(RevokeApiKey), new { businessId, keyId = k.KeyId }));
    }
}
