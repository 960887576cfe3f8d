using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Collectors.Collection;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}/collection: the profile's last collection from its open source.</summary>
public sealed class GetProfileCollection(ProfileCollection collection)
{
    [Function(nameof(GetProfileCollection))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<CollectionView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/profiles/{profileId}/collection")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await collection.ViewAsync(new ProfileKey(businessId, profileId), cancellationToken));
}
