using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/report?from=&amp;to=: the scores of the periods within the dates, and the plan's goals.</summary>
public static class GetReport
{
    public const string Name = nameof(GetReport);

    public static async Task<Results<VersionedOk<PeriodReport>, ProblemHttpResult>> Handle(string businessId, string? from, string? to, EngagementReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.ReportAsync(businessId, from, to, cancellationToken));
}
