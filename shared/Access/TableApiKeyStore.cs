using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Access;

/// <summary>
/// Table <c>ApiKeys</c>: PartitionKey = business id, RowKey = key id. Both travel inside the key string, so checking a key
/// is one point read; a business's keys are one partition (listed by one query, purged with the tenant).
/// </summary>
public sealed class TableApiKeyStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<ApiKeyId, ApiKeyRecord>(tables, TableName, cache), IApiKeyStore
{
    public const string TableName = "ApiKeys";

    protected override TableKey KeyOf(ApiKeyId key) => new(key.BusinessId, key.KeyId);

    protected override ApiKeyId RecordKey(ApiKeyRecord record) => new(record.BusinessId, record.KeyId);

    protected override void Write(ApiKeyRecord record, TableEntity entity)
    {
        entity["Role"] = WireNames.Name(record.Role);
        entity["Label"] = record.Label;
        entity["CreatedAt"] = record.CreatedAt;
        entity["SecretHash"] = record.SecretHash;
    }

    protected override ApiKeyRecord Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.RowKey,
            WireNames.Parse<ApiKeyRole>(entity.GetRequiredString("Role")),
            entity.GetRequiredString("Label"),
            entity.GetRequiredDateTimeOffset("CreatedAt"),
            entity.GetBinary("SecretHash") ?? throw new InvalidDataException($"API key {entity.PartitionKey}/{entity.RowKey} has no SecretHash."));
}
