using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}: removes the business and all its data; honours If-Match; safe to retry.</summary>
public static class DeleteBusiness
{
    public const string Name = nameof(DeleteBusiness);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(string businessId, IfMatch ifMatch, BusinessService businesses, CancellationToken cancellationToken)
    {
        if (ifMatch.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Remove(await businesses.DeleteAsync(businessId, ifMatch.Condition, cancellationToken));
    }
}
