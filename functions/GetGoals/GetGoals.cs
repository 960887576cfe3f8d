using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/goals: each goal of the plan against its target and deadline.</summary>
public sealed class GetGoals(EngagementReports reports)
{
    [Function(nameof(GetGoals))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<GoalsReport>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/goals")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.GoalsAsync(businessId, cancellationToken));
}
