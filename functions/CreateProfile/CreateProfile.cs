using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses/{businessId}/profiles: adds a profile; the server assigns its id.</summary>
public static class CreateProfile
{
    public const string Name = nameof(CreateProfile);

    public static async Task<Results<VersionedCreated<Profile>, ProblemHttpResult>> Handle(string businessId, JsonBody<ProfileInput> body, ProfileService profiles, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await profiles.CreateAsync(businessId, body.Value!, cancellationToken), p => links.GetPathByName(GetProfile.Name, new { businessId, profileId = p.Id }));
    }
}
