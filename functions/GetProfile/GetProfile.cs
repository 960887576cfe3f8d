using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}: the profile, with its ETag.</summary>
public static class GetProfile
{
    public const string Name = nameof(GetProfile);

    public static async Task<Results<VersionedOk<Profile>, ProblemHttpResult>> Handle(string businessId, string profileId, ProfileService profiles, CancellationToken cancellationToken) =>
        ApiResults.Read(await profiles.GetAsync(businessId, profileId, cancellationToken));
}
