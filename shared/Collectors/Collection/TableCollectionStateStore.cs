using Azure.Data.Tables;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Collectors.Collection;

/// <summary>
/// Table <c>Collections</c>: PartitionKey = business id, RowKey = profile id, like <c>Profiles</c>, so a sweep reads a business's
/// profiles and their states with two partition queries, and a tenant purge removes them with the rest.
/// </summary>
public sealed class TableCollectionStateStore(StorageTables tables)
    : TableRecordStore<ProfileKey, CollectionState>(tables, TableName), ICollectionStateStore
{
    public const string TableName = "Collections";

    protected override TableKey KeyOf(ProfileKey key) => new(key.BusinessId, key.ProfileId);

    protected override ProfileKey RecordKey(CollectionState record) => record.Profile;

    protected override void Write(CollectionState record, TableEntity entity)
    {
        entity["Collector"] = record.Collector.ToString();
        entity["Source"] = record.Source;
        entity["SourceId"] = record.SourceId;
        entity["ETag"] = record.Validators.ETag;
        entity["LastModified"] = record.Validators.LastModified;
        entity["LastItemId"] = record.LastItemId;
        entity["LastItemAt"] = record.LastItemAt;
        entity["ItemsSeen"] = record.ItemsSeen;
        entity["LastActivityAt"] = record.LastActivityAt;
        entity["Followers"] = record.Followers;
        entity["Cursor"] = record.Cursor;
        entity["Life"] = record.Life.ToString();
        entity["MovedTo"] = record.MovedTo;
        entity["LifeSeenAt"] = record.LifeSeenAt;
        entity["LastCollectedAt"] = record.LastCollectedAt;
        entity["LastStatus"] = record.LastStatus?.ToString();
        entity["LastErrorKind"] = record.LastErrorKind?.ToString();
        entity["LastError"] = record.LastError;
        entity["LastErrorAt"] = record.LastErrorAt;
        entity["ConsecutiveFailures"] = record.ConsecutiveFailures;
        entity["LastSnapshotWeek"] = record.LastSnapshotWeek?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        entity["NextDueAt"] = record.NextDueAt;
    }

    protected override CollectionState Read(TableEntity entity) => new()
    {
        Profile = new ProfileKey(entity.PartitionKey, entity.RowKey),
        Collector = Enum.Parse<CollectorKind>(entity.GetRequiredString("Collector")),
        Source = entity.GetRequiredString("Source"),
        SourceId = entity.GetString("SourceId"),
        Validators = new ValidatorSet(entity.GetString("ETag"), entity.GetString("LastModified")),
        LastItemId = entity.GetString("LastItemId"),
        LastItemAt = entity.GetDateTimeOffset("LastItemAt"),
        ItemsSeen = entity.GetInt32("ItemsSeen") ?? 0,
        LastActivityAt = entity.GetDateTimeOffset("LastActivityAt"),
        Followers = entity.GetInt64("Followers"),
        Cursor = entity.GetString("Cursor"),
        Life = Enum.Parse<LifeSignal>(entity.GetRequiredString("Life")),
        MovedTo = entity.GetString("MovedTo"),
        LifeSeenAt = entity.GetDateTimeOffset("LifeSeenAt"),
        LastCollectedAt = entity.GetDateTimeOffset("LastCollectedAt"),
        LastStatus = entity.GetString("LastStatus") is { } status ? Enum.Parse<CollectionStatus>(status) : null,
        LastErrorKind = entity.GetString("LastErrorKind") is { } kind ? Enum.Parse<CollectionErrorKind>(kind) : null,
        LastError = entity.GetString("LastError"),
        LastErrorAt = entity.GetDateTimeOffset("LastErrorAt"),
        ConsecutiveFailures = entity.GetInt32("ConsecutiveFailures") ?? 0,
        LastSnapshotWeek = entity.GetString("LastSnapshotWeek") is { } week
            ? DateOnly.ParseExact(week, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null,
        NextDueAt = entity.GetDateTimeOffset("NextDueAt") ?? DateTimeOffset.MinValue,
    };
}
