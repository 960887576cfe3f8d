using Azure.Data.Tables;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Campaigns;

/// <summary>Table <c>Campaigns</c>: PartitionKey = business id, RowKey = campaign id (time-ordered).</summary>
public sealed class TableCampaignStore(StorageTables tables) : TableRecordStore<CampaignKey, Campaign>(tables, TableName), ICampaignStore
{
    public const string TableName = "Campaigns";

    protected override TableKey KeyOf(CampaignKey key) => new(key.BusinessId, key.CampaignId);

    protected override CampaignKey RecordKey(Campaign record) => new(record.BusinessId, record.Id);

    protected override void Write(Campaign record, TableEntity entity)
    {
        entity["What"] = record.What;
        entity["StartDate"] = record.StartDate.ToString("O");
        entity["EndDate"] = record.EndDate?.ToString("O");
        entity.SetLines("Networks", record.Networks.Select(n => n.Name()).ToList());
        entity["Message"] = record.Message;
        entity["ExpectedEffect"] = record.ExpectedEffect;
        entity["Outcome"] = record.Outcome is { } outcome ? WireNames.Name(outcome) : null;
        entity["OutcomeNote"] = record.OutcomeNote;
        entity["CreatedAt"] = record.CreatedAt;
        entity["UpdatedAt"] = record.UpdatedAt;
    }

    protected override Campaign Read(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetRequiredString("What"),
        DateOnly.ParseExact(entity.GetRequiredString("StartDate"), "O"),
        entity.GetString("EndDate") is { } end ? DateOnly.ParseExact(end, "O") : null,
        entity.GetLines("Networks").Select(WireNames.Parse<Network>).ToList(),
        entity.GetRequiredString("Message"),
        entity.GetRequiredString("ExpectedEffect"),
        entity.GetString("Outcome") is { } outcome ? WireNames.Parse<CampaignOutcome>(outcome) : null,
        entity.GetString("OutcomeNote"),
        entity.GetRequiredDateTimeOffset("CreatedAt"),
        entity.GetRequiredDateTimeOffset("UpdatedAt"));
}
