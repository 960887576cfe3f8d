using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}: removes the business and all its data; honours If-Match; safe to retry.</summary>
public sealed class DeleteBusiness(BusinessService businesses)
{
    [Function(nameof(DeleteBusiness))]
    [CalledBy(ApiCaller.TenantDelete)]
    [IfMatch]
    public async Task<Results<NoContent, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "businesses/{businessId}")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        if (ifMatch.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Remove(await businesses.DeleteAsync(businessId, ifMatch.Condition, cancellationToken));
    }
}
