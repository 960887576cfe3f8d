using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}: the business, with its ETag.</summary>
public sealed class GetBusiness(BusinessService businesses)
{
    [Function(nameof(GetBusiness))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<Business>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await businesses.GetAsync(businessId, cancellationToken));
}
