using Microsoft.Azure.Functions.Worker;
using SocialWatch.Campaigns;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// GET /api/businesses/{businessId}/campaigns: the campaign log, oldest first, each with the periods before and after it.
/// With Accept: text/csv, one row per campaign.
/// </summary>
public sealed class ListCampaigns(CampaignService campaigns)
{
    [Function(nameof(ListCampaigns))]
    [CalledBy(ApiCaller.TenantRead)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = "businesses/{businessId}/campaigns")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var outcome = await campaigns.ListAsync(businessId, cancellationToken);
        return CsvExport.Wanted(request) && outcome.Succeeded
            ? CsvExport.File(CampaignCsv.Write(outcome.Value!.Items), $"{businessId}-campaigns.csv")
            : ApiResults.Read(outcome);
    }
}
