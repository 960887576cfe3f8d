using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Plans;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}/plan: creates (201) or replaces (200) the plan; honours If-Match.</summary>
public static class SavePlan
{
    public const string Name = nameof(SavePlan);

    public static async Task<Results<VersionedOk<Plan>, VersionedCreated<Plan>, ProblemHttpResult>> Handle(string businessId, IfMatch ifMatch, JsonBody<PlanInput> body, PlanService plans, LinkGenerator links, CancellationToken cancellationToken)
    {
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Write(await plans.SaveAsync(businessId, body.Value!, ifMatch.Condition, cancellationToken), _ => links.GetPathByName(GetPlan.Name, new { businessId }));
    }
}
