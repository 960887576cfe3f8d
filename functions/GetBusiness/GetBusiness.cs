using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}: the business, with its ETag.</summary>
public static class GetBusiness
{
    public const string Name = nameof(GetBusiness);

    public static async Task<Results<VersionedOk<Business>, ProblemHttpResult>> Handle(string businessId, BusinessService businesses, CancellationToken cancellationToken) =>
        ApiResults.Read(await businesses.GetAsync(businessId, cancellationToken));
}
