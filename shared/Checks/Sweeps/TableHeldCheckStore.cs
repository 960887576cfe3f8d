using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// Table <c>heldchecks</c>: PartitionKey = business id, RowKey = <c>{host}|{profile id}</c>, so a host's checks are one row
/// key range across partitions (a query the table answers from a small table: only checks waiting for their host are here).
/// </summary>
public sealed class TableHeldCheckStore(StorageTables tables) : TableRecordStore<HeldCheckKey, HeldCheck>(tables, TableName), IHeldCheckStore
{
    public const string TableName = "heldchecks";

    // Host names hold no '|', and '}' follows it: [host|, host}) is exactly the host's rows.
    private const char Separator = '|';
    private const char AfterSeparator = '}';

    public Task<IReadOnlyList<Versioned<HeldCheck>>> ListByHostAsync(string host, CancellationToken cancellationToken)
    {
        var (from, to) = (host + Separator, host + AfterSeparator);
        return QueryAllAsync(TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}"), cancellationToken);
    }

    protected override TableKey KeyOf(HeldCheckKey key) => new(key.BusinessId, key.Host + Separator + key.ProfileId);

    protected override HeldCheckKey RecordKey(HeldCheck record) => record.Key;

    protected override void Write(HeldCheck record, TableEntity entity)
    {
        entity["Host"] = record.Host;
        entity["RetryAt"] = record.RetryAt;
        entity["Check"] = record.Check.Serialize();
    }

    protected override HeldCheck Read(TableEntity entity) =>
        new(entity.GetRequiredString("Host"), entity.GetRequiredDateTimeOffset("RetryAt"), CheckProfileMessage.Read(entity.GetRequiredString("Check")));
}
