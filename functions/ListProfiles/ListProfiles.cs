using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles: all the business's profiles, oldest first.</summary>
public sealed class ListProfiles(ProfileService profiles)
{
    [Function(nameof(ListProfiles))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<Page<Profile>>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/profiles")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await profiles.ListAsync(businessId, cancellationToken));
}
