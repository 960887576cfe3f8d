using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Storage;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/snapshots/rejected: snapshots that could never be scored, with the reason.</summary>
public static class ListRejectedSnapshots
{
    public const string Name = nameof(ListRejectedSnapshots);

    public static async Task<Results<VersionedOk<IReadOnlyList<RejectedSnapshot>>, ProblemHttpResult>> Handle(string businessId, EngagementReports reports, CancellationToken cancellationToken) =>
        ApiResults.Read(await reports.RejectedAsync(businessId, cancellationToken));
}
