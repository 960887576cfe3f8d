using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}/profiles/{profileId}: removes the profile; honours If-Match.</summary>
public sealed class DeleteProfile(ProfileService profiles)
{
    [Function(nameof(DeleteProfile))]
    [CalledBy(ApiCaller.TenantWrite)]
    [IfMatch]
    public async Task<Results<NoContent, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "businesses/{businessId}/profiles/{profileId}")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        if (ifMatch.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Remove(await profiles.DeleteAsync(businessId, profileId, ifMatch.Condition, cancellationToken));
    }
}
