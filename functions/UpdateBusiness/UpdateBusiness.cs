using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}: replaces the business (its id stays); honours If-Match.</summary>
public sealed class UpdateBusiness(BusinessService businesses)
{
    [Function(nameof(UpdateBusiness))]
    [CalledBy(ApiCaller.TenantWrite)]
    [IfMatch]
    [JsonBody(typeof(BusinessInput))]
    public async Task<Results<VersionedOk<Business>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "businesses/{businessId}")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        var body = await JsonBody.ReadAsync<BusinessInput>(request, cancellationToken);
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Read(await businesses.ReplaceAsync(businessId, body.Value!, ifMatch.Condition, cancellationToken));
    }
}
