using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}/campaigns/{campaignId}: removes a campaign from the log; honours If-Match.</summary>
public static class DeleteCampaign
{
    public const string Name = nameof(DeleteCampaign);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(string businessId, string campaignId, IfMatch ifMatch, CampaignService campaigns, CancellationToken cancellationToken)
    {
        if (ifMatch.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Remove(await campaigns.DeleteAsync(businessId, campaignId, ifMatch.Condition, cancellationToken));
    }
}
