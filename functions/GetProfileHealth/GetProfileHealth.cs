using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}/health: status, last result, last activity, last check, history.</summary>
public sealed class GetProfileHealth(HealthReports reports)
{
    [Function(nameof(GetProfileHealth))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<ProfileHealthView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/profiles/{profileId}/health")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.ProfileAsync(businessId, profileId, cancellationToken));
}
