using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}: the profile, with its ETag.</summary>
public sealed class GetProfile(ProfileService profiles)
{
    [Function(nameof(GetProfile))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<Profile>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/profiles/{profileId}")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await profiles.GetAsync(businessId, profileId, cancellationToken));
}
