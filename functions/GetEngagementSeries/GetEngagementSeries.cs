using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/businesses/{businessId}/series?metric=: one metric over every scored period of each profile, with its baseline
/// and industry median; the dashboard's charts in one request.
/// </summary>
public static class GetEngagementSeries
{
    public const string Name = nameof(GetEngagementSeries);

    public static async Task<Results<VersionedOk<MetricSeries>, ProblemHttpResult>> Handle(string businessId, string? metric, EngagementReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.SeriesAsync(businessId, metric, cancellationToken));
}
