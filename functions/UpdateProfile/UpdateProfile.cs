using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}/profiles/{profileId}: replaces the profile; honours If-Match.</summary>
public sealed class UpdateProfile(ProfileService profiles)
{
    [Function(nameof(UpdateProfile))]
    [CalledBy(ApiCaller.TenantWrite)]
    [IfMatch]
    [JsonBody(typeof(ProfileInput))]
    public async Task<Results<VersionedOk<Profile>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "businesses/{businessId}/profiles/{profileId}")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        var body = await JsonBody.ReadAsync<ProfileInput>(request, cancellationToken);
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Read(await profiles.ReplaceAsync(businessId, profileId, body.Value!, ifMatch.Condition, cancellationToken));
    }
}
