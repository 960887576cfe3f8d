using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Plans;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/plan: the plan with the business's profiles grouped by network.</summary>
public sealed class GetPlan(PlanService plans)
{
    [Function(nameof(GetPlan))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<PlanView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/plan")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await plans.GetAsync(businessId, cancellationToken));
}
