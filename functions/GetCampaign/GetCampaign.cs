using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/campaigns/{campaignId}: one campaign with its linked periods, and its ETag.</summary>
public sealed class GetCampaign(CampaignService campaigns)
{
    [Function(nameof(GetCampaign))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<Results<VersionedOk<CampaignView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/campaigns/{campaignId}")] HttpRequest request,
        string businessId,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResults.Read(await campaigns.GetAsync(businessId, campaignId, cancellationToken));
}
