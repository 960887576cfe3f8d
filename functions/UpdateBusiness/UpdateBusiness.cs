using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}: replaces the business (its id stays); honours If-Match.</summary>
public static class UpdateBusiness
{
    public const string Name = nameof(UpdateBusiness);

    public static async Task<Results<VersionedOk<Business>, ProblemHttpResult>> Handle(string businessId, IfMatch ifMatch, JsonBody<BusinessInput> body, BusinessService businesses, CancellationToken cancellationToken)
    {
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Read(await businesses.ReplaceAsync(businessId, body.Value!, ifMatch.Condition, cancellationToken));
    }
}
