using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/businesses/{businessId}/series?metric=: one metric over every scored period of each profile, with its baseline
/// and industry median; the dashboard's charts in one request.
/// </summary>
public sealed class GetEngagementSeries(EngagementReports reports)
{
    [Function(nameof(GetEngagementSeries))]
    [CalledBy(ApiCaller.TenantRead)]
    [Query("metric", "The metric of the series (engagement-rate when left out).")]
    public async Task<Results<VersionedOk<MetricSeries>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/series")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        string? metric = request.Query["metric"];
        return ApiResults.Read(await reports.SeriesAsync(businessId, metric, cancellationToken));
    }
}
