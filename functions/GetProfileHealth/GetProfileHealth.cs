using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}/health: status, last result, last activity, last check, history.</summary>
public static class GetProfileHealth
{
    public const string Name = nameof(GetProfileHealth);

    public static async Task<Results<VersionedOk<ProfileHealthView>, ProblemHttpResult>> Handle(string businessId, string profileId, HealthReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.ProfileAsync(businessId, profileId, cancellationToken));
}
