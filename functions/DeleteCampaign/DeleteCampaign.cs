using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}/campaigns/{campaignId}: removes a campaign from the log; honours If-Match.</summary>
public sealed class DeleteCampaign(CampaignService campaigns)
{
    [Function(nameof(DeleteCampaign))]
    [CalledBy(ApiCaller.TenantWrite)]
    [IfMatch]
    public async Task<Results<NoContent, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "businesses/{businessId}/campaigns/{campaignId}")] HttpRequest request,
        string businessId,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch.Read(request);
        if (ifMatch.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Remove(await campaigns.DeleteAsync(businessId, campaignId, ifMatch.Condition, cancellationToken));
    }
}
