using Azure.Data.Tables;
using SocialWatch.Benchmarks;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Engagement.Storage;

/// <summary>
/// Table <c>BenchmarkStates</c>: PartitionKey = business id, RowKey = profile id; the benchmarks are JSON in one property.
/// Reads go through the <see cref="RecordReadCache"/>: GET benchmarks is the business's most frequent read, and scoring
/// writes each state through this store, which forgets the business's cached states at once.
/// </summary>
public sealed class TableBenchmarkStateStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<ProfileKey, BenchmarkState>(tables, TableName, cache), IBenchmarkStateStore
{
    public const string TableName = "BenchmarkStates";

    protected override TableKey KeyOf(ProfileKey key) => new(key.BusinessId, key.ProfileId);

    protected override ProfileKey RecordKey(BenchmarkState record) => new(record.BusinessId, record.ProfileId);

    protected override void Write(BenchmarkState record, TableEntity entity)
    {
        entity["Network"] = record.Network.Name();
        entity["ScoredPeriods"] = record.ScoredPeriods;
        entity["FirstPeriodStart"] = record.FirstPeriodStart.ToString("O");
        entity["LatestPeriodEnd"] = record.LatestPeriodEnd.ToString("O");
        entity.SetJson("Benchmarks", record.Benchmarks);
        entity["HistoryFingerprint"] = record.HistoryFingerprint;
        entity["UpdatedAt"] = record.UpdatedAt;
    }

    protected override BenchmarkState Read(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        WireNames.Parse<Network>(entity.GetRequiredString("Network")),
        entity.GetInt32("ScoredPeriods") ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no ScoredPeriods."),
        DateOnly.ParseExact(entity.GetRequiredString("FirstPeriodStart"), "O"),
        DateOnly.ParseExact(entity.GetRequiredString("LatestPeriodEnd"), "O"),
        entity.GetJson<ProfileBenchmarks>("Benchmarks"),
        entity.GetRequiredString("HistoryFingerprint"),
        entity.GetRequiredDateTimeOffset("UpdatedAt"));
}
