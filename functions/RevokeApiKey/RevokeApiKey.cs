using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Access;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}/keys/{keyId} (admin): revokes a key at once.</summary>
public sealed class RevokeApiKey(ApiKeyService keys)
{
    [Function(nameof(RevokeApiKey))]
    [CalledBy(ApiCaller.TenantAdmin)]
    public async Task<Results<NoContent, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "businesses/{businessId}/keys/{keyId}")] HttpRequest request,
        string businessId,
        string keyId,
        CancellationToken cancellationToken) =>
        ApiResults.Remove(await keys.RevokeAsync(businessId, keyId, cancellationToken));
}
