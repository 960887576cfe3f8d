using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/report?from=&amp;to=: the scores of the periods within the dates, and the plan's goals.</summary>
public sealed class GetReport(EngagementReports reports)
{
    [Function(nameof(GetReport))]
    [CalledBy(ApiCaller.TenantRead)]
    [Query("from", "The first day of the report (yyyy-MM-dd).", Required = true)]
    [Query("to", "The last day of the report, included (yyyy-MM-dd).", Required = true)]
    public async Task<Results<VersionedOk<PeriodReport>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/report")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        string? from = request.Query["from"];
        string? to = request.Query["to"];
        return ApiResults.Read(await reports.ReportAsync(businessId, from, to, cancellationToken));
    }
}
