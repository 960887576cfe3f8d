using Microsoft.Azure.Functions.Worker;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/businesses/{businessId}/benchmarks: every profile's benchmark state (one partition query). With
/// Accept: text/csv, the same as CSV.
/// </summary>
public sealed class GetBenchmarks(EngagementReports reports)
{
    [Function(nameof(GetBenchmarks))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/benchmarks")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var outcome = await reports.BenchmarksAsync(businessId, cancellationToken);
        return CsvExport.Wanted(request) && outcome.Succeeded
            ? CsvExport.File(BenchmarkCsv.Write(outcome.Value!), $"{businessId}-benchmarks.csv")
            : ApiResults.Read(outcome);
    }
}
