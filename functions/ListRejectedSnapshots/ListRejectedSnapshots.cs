using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Storage;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/snapshots/rejected: snapshots that could never be scored, with the reason.</summary>
public sealed class ListRejectedSnapshots(EngagementReports reports)
{
    [Function(nameof(ListRejectedSnapshots))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<IReadOnlyList<RejectedSnapshot>>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/snapshots/rejected")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.RejectedAsync(businessId, cancellationToken));
}
