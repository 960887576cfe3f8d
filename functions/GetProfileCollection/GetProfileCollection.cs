using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Collectors.Collection;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}/collection: the profile's last collection from its open source.</summary>
public static class GetProfileCollection
{
    public const string Name = nameof(GetProfileCollection);

    public static async Task<Results<VersionedOk<CollectionView>, ProblemHttpResult>> Handle(string businessId, string profileId, ProfileCollection collection, CancellationToken cancellationToken) =>
        ApiResults.Read(await collection.ViewAsync(new ProfileKey(businessId, profileId), cancellationToken));
}
