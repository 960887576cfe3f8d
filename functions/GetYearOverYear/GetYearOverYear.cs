using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/year-over-year?period=: each profile's period against the same period last year.</summary>
public sealed class GetYearOverYear(EngagementReports reports)
{
    [Function(nameof(GetYearOverYear))]
    [CalledBy(ApiCaller.TenantRead)]
    [Query("period", "The first day of the period to compare with a year earlier (yyyy-MM-dd); each profile's latest period when left out.")]
    public async Task<Results<VersionedOk<YearOverYearReview>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/year-over-year")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        string? period = request.Query["period"];
        return ApiResults.Read(await reports.YearOverYearAsync(businessId, period, cancellationToken));
    }
}
