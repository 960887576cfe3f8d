using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/campaigns/{campaignId}: one campaign with its linked periods, and its ETag.</summary>
public static class GetCampaign
{
    public const string Name = nameof(GetCampaign);

    public static async Task<Results<VersionedOk<CampaignView>, ProblemHttpResult>> Handle(string businessId, string campaignId, CampaignService campaigns, CancellationToken cancellationToken) =>
        ApiResults.Read(await campaigns.GetAsync(businessId, campaignId, cancellationToken));
}
