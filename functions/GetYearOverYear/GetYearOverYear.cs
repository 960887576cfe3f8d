using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/year-over-year?period=: each profile's period against the same period last year.</summary>
public static class GetYearOverYear
{
    public const string Name = nameof(GetYearOverYear);

    public static async Task<Results<VersionedOk<YearOverYearReview>, ProblemHttpResult>> Handle(string businessId, string? period, EngagementReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.YearOverYearAsync(businessId, period, cancellationToken));
}
