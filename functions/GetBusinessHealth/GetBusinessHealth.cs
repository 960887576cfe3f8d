using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/health: counts by declared health and staleness, and each profile's state.</summary>
public sealed class GetBusinessHealth(HealthReports reports)
{
    [Function(nameof(GetBusinessHealth))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<BusinessHealthView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/health")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.BusinessAsync(businessId, cancellationToken));
}
