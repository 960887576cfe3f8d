using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/link-audit: every social link of the business's websites, its pages and health.</summary>
public static class GetLinkAudit
{
    public const string Name = nameof(GetLinkAudit);

    public static async Task<Results<VersionedOk<LinkAuditView>, ProblemHttpResult>> Handle(string businessId, HealthReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.LinkAuditAsync(businessId, cancellationToken));
}
