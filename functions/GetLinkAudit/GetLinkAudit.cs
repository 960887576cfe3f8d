using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/link-audit: every social link of the business's websites, its pages and health.</summary>
public sealed class GetLinkAudit(HealthReports reports)
{
    [Function(nameof(GetLinkAudit))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<LinkAuditView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/link-audit")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.LinkAuditAsync(businessId, cancellationToken));
}
