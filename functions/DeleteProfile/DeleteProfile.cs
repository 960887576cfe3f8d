using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}/profiles/{profileId}: removes the profile; honours If-Match.</summary>
public static class DeleteProfile
{
    public const string Name = nameof(DeleteProfile);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(string businessId, string profileId, IfMatch ifMatch, ProfileService profiles, CancellationToken cancellationToken)
    {
        if (ifMatch.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Remove(await profiles.DeleteAsync(businessId, profileId, ifMatch.Condition, cancellationToken));
    }
}
