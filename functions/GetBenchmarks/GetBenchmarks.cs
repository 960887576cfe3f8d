using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/businesses/{businessId}/benchmarks: every profile's benchmark state (one partition query). With
/// Accept: text/csv, the same as CSV.
/// </summary>
public static class GetBenchmarks
{
    public const string Name = nameof(GetBenchmarks);

    public static async Task<IResult> Handle(string businessId, HttpRequest request, EngagementReports reports, CancellationToken cancellationToken)
    {
        var outcome = await reports.BenchmarksAsync(businessId, cancellationToken);
        return CsvExport.Wanted(request) && outcome.Succeeded
            ? CsvExport.File(BenchmarkCsv.Write(outcome.Value!), $"{businessId}-benchmarks.csv")
            : ApiResults.Read(outcome);
    }
}
