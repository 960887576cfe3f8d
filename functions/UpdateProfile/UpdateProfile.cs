using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}/profiles/{profileId}: replaces the profile; honours If-Match.</summary>
public static class UpdateProfile
{
    public const string Name = nameof(UpdateProfile);

    public static async Task<Results<VersionedOk<Profile>, ProblemHttpResult>> Handle(string businessId, string profileId, IfMatch ifMatch, JsonBody<ProfileInput> body, ProfileService profiles, CancellationToken cancellationToken)
    {
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Read(await profiles.ReplaceAsync(businessId, profileId, body.Value!, ifMatch.Condition, cancellationToken));
    }
}
