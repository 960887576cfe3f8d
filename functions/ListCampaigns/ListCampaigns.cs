using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/businesses/{businessId}/campaigns: the campaign log, oldest first, each with the periods before and after it.
/// With Accept: text/csv, one row per campaign.
/// </summary>
public static class ListCampaigns
{
    public const string Name = nameof(ListCampaigns);

    public static async Task<IResult> Handle(string businessId, HttpRequest request, CampaignService campaigns, CancellationToken cancellationToken)
    {
        var outcome = await campaigns.ListAsync(businessId, cancellationToken);
        return CsvExport.Wanted(request) && outcome.Succeeded
            ? CsvExport.File(CampaignCsv.Write(outcome.Value!.Items), $"{businessId}-campaigns.csv")
            : ApiResults.Read(outcome);
    }
}
