using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Storage;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/profiles/{profileId}/benchmarks: one profile's benchmark state.</summary>
public static class GetProfileBenchmarks
{
    public const string Name = nameof(GetProfileBenchmarks);

    public static async Task<Results<VersionedOk<BenchmarkState>, ProblemHttpResult>> Handle(string businessId, string profileId, EngagementReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.ProfileBenchmarksAsync(businessId, profileId, cancellationToken));
}
