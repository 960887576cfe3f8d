using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses/{businessId}/campaigns: records a decision in the campaign log; the server assigns its id.</summary>
public sealed class CreateCampaign(CampaignService campaigns, HttpFunctionCatalog catalog)
{
    [Function(nameof(CreateCampaign))]
    [CalledBy(ApiCaller.TenantWrite)]
    [JsonBody(typeof(CampaignInput))]
    public async Task<Results<VersionedCreated<Campaign>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "businesses/{businessId}/campaigns")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CampaignInput>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await campaigns.CreateAsync(businessId, body.Value!, cancellationToken), c => catalog.PathOf(nameof(GetCampaign), new { businessId, campaignId = c.Id }));
    }
}
