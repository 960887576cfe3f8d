using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Profiles;

/// <summary>
/// Table <c>Profiles</c>: PartitionKey = business id, RowKey = profile id. A business's profiles are one partition: the plan
/// page lists them all with one query, and a tenant purge deletes them in batches.
/// </summary>
public sealed class TableProfileStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<ProfileKey, Profile>(tables, TableName, cache), IProfileStore
{
    public const string TableName = "Profiles";

    protected override TableKey KeyOf(ProfileKey key) => new(key.BusinessId, key.ProfileId);

    protected override ProfileKey RecordKey(Profile record) => new(record.BusinessId, record.Id);

    protected override void Write(Profile record, TableEntity entity)
    {
        entity["Network"] = record.Network.Name();
        entity["Url"] = record.Url;
        entity["Handle"] = record.Handle;
        entity["FeedUrl"] = record.FeedUrl;
        entity["OwnerEmail"] = record.OwnerEmail;
        entity["CreatedAt"] = record.CreatedAt;
        entity["UpdatedAt"] = record.UpdatedAt;
    }

    protected override Profile Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.RowKey,
            WireNames.Parse<Network>(entity.GetRequiredString("Network")),
            entity.GetRequiredString("Url"),
            entity.GetRequiredString("Handle"),
            entity.GetString("FeedUrl"),
            entity.GetString("OwnerEmail"),
            entity.GetRequiredDateTimeOffset("CreatedAt"),
            entity.GetRequiredDateTimeOffset("UpdatedAt"));
}
