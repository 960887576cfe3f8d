using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses/{businessId}/campaigns: records a decision in the campaign log; the server assigns its id.</summary>
public static class CreateCampaign
{
    public const string Name = nameof(CreateCampaign);

    public static async Task<Results<VersionedCreated<Campaign>, ProblemHttpResult>> Handle(string businessId, JsonBody<CampaignInput> body, CampaignService campaigns, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await campaigns.CreateAsync(businessId, body.Value!, cancellationToken), c => links.GetPathByName(GetCampaign.Name, new { businessId, campaignId = c.Id }));
    }
}
