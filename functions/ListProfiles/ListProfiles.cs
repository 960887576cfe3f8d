using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles: all the business's profiles, oldest first.</summary>
public static class ListProfiles
{
    public const string Name = nameof(ListProfiles);

    public static async Task<Results<VersionedOk<Page<Profile>>, ProblemHttpResult>> Handle(string businessId, ProfileService profiles, CancellationToken cancellationToken) =>
        ApiResults.Read(await profiles.ListAsync(businessId, cancellationToken));
}
