using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Plans;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}/plan: creates (201) or replaces (200) the plan; honours If-Match.</summary>
public sealed class SavePlan(PlanService plans, HttpFunctionCatalog catalog)
{
    [Function(nameof(SavePlan))]
    [CalledBy(ApiCaller.TenantWrite)]
    [IfMatch]
    [JsonBody(typeof(PlanInput))]
    public async Task<Results<VersionedOk<Plan>, VersionedCreated<Plan>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "businesses/{businessId}/plan")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        var body = await JsonBody.ReadAsync<PlanInput>(request, cancellationToken);
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Write(await plans.SaveAsync(businessId, body.Value!, ifMatch.Condition, cancellationToken), _ => catalog.PathOf(nameof(GetPlan), new { businessId }));
    }
}
