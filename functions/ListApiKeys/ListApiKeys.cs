using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Access;
using SocialWatch.Functions.Api;
using SocialWatch.Storage;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/keys (admin): the business's keys, without secrets.</summary>
public sealed class ListApiKeys(ApiKeyService keys)
{
    [Function(nameof(ListApiKeys))]
    [CalledBy(ApiCaller.TenantAdmin)]
    public async Task<Results<VersionedOk<Page<ApiKeyInfo>>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/keys")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await keys.ListAsync(businessId, cancellationToken));
}
