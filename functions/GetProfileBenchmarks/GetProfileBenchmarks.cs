using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Storage;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}/benchmarks: one profile's benchmark state.</summary>
public sealed class GetProfileBenchmarks(EngagementReports reports)
{
    [Function(nameof(GetProfileBenchmarks))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<BenchmarkState>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/profiles/{profileId}/benchmarks")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.ProfileBenchmarksAsync(businessId, profileId, cancellationToken));
}
