using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Engagement.Storage;

/// <summary>Table <c>RejectedSnapshots</c>: PartitionKey = business id, RowKey = snapshot id.</summary>
public sealed class TableRejectedSnapshotStore(StorageTables tables) : TableRecordStore<RejectedSnapshotKey, RejectedSnapshot>(tables, TableName), IRejectedSnapshotStore
{
    public const string TableName = "RejectedSnapshots";

    protected override TableKey KeyOf(RejectedSnapshotKey key) => new(key.BusinessId, key.SnapshotId);

    protected override RejectedSnapshotKey RecordKey(RejectedSnapshot record) => new(record.BusinessId, record.SnapshotId);

    protected override void Write(RejectedSnapshot record, TableEntity entity)
    {
        entity["ProfileId"] = record.ProfileId;
        entity["PeriodStart"] = record.PeriodStart.ToString("O");
        entity["PeriodEnd"] = record.PeriodEnd.ToString("O");
        entity["Reason"] = record.Reason;
        entity["RejectedAt"] = record.RejectedAt;
    }

    protected override RejectedSnapshot Read(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetRequiredString("ProfileId"),
        DateOnly.ParseExact(entity.GetRequiredString("PeriodStart"), "O"),
        DateOnly.ParseExact(entity.GetRequiredString("PeriodEnd"), "O"),
        entity.GetRequiredString("Reason"),
        entity.GetRequiredDateTimeOffset("RejectedAt"));
}
