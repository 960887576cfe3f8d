using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/goals: each goal of the plan against its target and deadline.</summary>
public static class GetGoals
{
    public const string Name = nameof(GetGoals);

    public static async Task<Results<VersionedOk<GoalsReport>, ProblemHttpResult>> Handle(string businessId, EngagementReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.GoalsAsync(businessId, cancellationToken));
}
