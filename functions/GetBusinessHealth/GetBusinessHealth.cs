using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/health: counts by declared health and staleness, and each profile's state.</summary>
public static class GetBusinessHealth
{
    public const string Name = nameof(GetBusinessHealth);

    public static async Task<Results<VersionedOk<BusinessHealthView>, ProblemHttpResult>> Handle(string businessId, HealthReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.BusinessAsync(businessId, cancellationToken));
}
