using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}/campaigns/{campaignId}: replaces a campaign (marks its outcome); honours If-Match.</summary>
public static class UpdateCampaign
{
    public const string Name = nameof(UpdateCampaign);

    public static async Task<Results<VersionedOk<Campaign>, ProblemHttpResult>> Handle(string businessId, string campaignId, IfMatch ifMatch, JsonBody<CampaignInput> body, CampaignService campaigns, CancellationToken cancellationToken)
    {
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Read(await campaigns.ReplaceAsync(businessId, campaignId, body.Value!, ifMatch.Condition, cancellationToken));
    }
}
