using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>PUT /api/businesses/{businessId}/campaigns/{campaignId}: replaces a campaign (marks its outcome); honours If-Match.</summary>
public sealed class UpdateCampaign(CampaignService campaigns)
{
    [Function(nameof(UpdateCampaign))]
    [CalledBy(ApiCaller.TenantWrite)]
    [IfMatch]
    [JsonBody(typeof(CampaignInput))]
    public async Task<Results<VersionedOk<Campaign>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "businesses/{businessId}/campaigns/{campaignId}")] HttpRequest request,
        string businessId,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        var body = await JsonBody.ReadAsync<CampaignInput>(request, cancellationToken);
        if ((ifMatch.Problem ?? body.Problem) is { } problem)
        {
            return problem;
        }

        return ApiResults.Read(await campaigns.ReplaceAsync(businessId, campaignId, body.Value!, ifMatch.Condition, cancellationToken));
    }
}
