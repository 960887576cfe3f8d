using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Plans;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/plan: the plan with the business's profiles grouped by network.</summary>
public static class GetPlan
{
    public const string Name = nameof(GetPlan);

    public static async Task<Results<VersionedOk<PlanView>, ProblemHttpResult>> Handle(string businessId, PlanService plans, CancellationToken cancellationToken) =>
        ApiResults.Read(await plans.GetAsync(businessId, cancellationToken));
}
