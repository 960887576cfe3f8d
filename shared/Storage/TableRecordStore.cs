using Azure;
using Azure.Data.Tables;

namespace SocialWatch.Storage;

/// <summary>Where a record sits in its table.</summary>
public readonly record struct TableKey(string PartitionKey, string RowKey);

/// <summary>
/// <see cref="IRecordStore{TKey, TRecord}"/> on Azure Table Storage. A subclass is one aggregate: it builds the keys (in one
/// place) and maps the record to and from its entity; versions are the entities' ETags. Every table here is partitioned by
/// business id, so one tenant's records are one partition: listed by one query, purged in batches.
/// </summary>
public abstract class TableRecordStore<TKey, TRecord>(StorageTables tables, string tableBaseName) : IRecordStore<TKey, TRecord>
{
    protected abstract TableKey KeyOf(TKey key);

    protected abstract TKey RecordKey(TRecord record);

    /// <summary>Copies the record's properties onto an entity whose keys are already set.</summary>
    protected abstract void Write(TRecord record, TableEntity entity);

    protected abstract TRecord Read(TableEntity entity);

    /// <summary>The table, for a store's own queries beyond the common operations.</summary>
    protected Task<TableClient> TableAsync() => tables.GetAsync(tableBaseName);

    public async Task<Versioned<TRecord>?> FindAsync(TKey key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        var (partitionKey, rowKey) = KeyOf(key);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? Versioned(response.Value!) : null;
    }

    public async Task<WriteResult> InsertAsync(TRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        try
        {
            var response = await table.AddEntityAsync(Entity(record), cancellationToken);
            return WriteResult.Written(response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return WriteResult.Failed(WriteStatus.AlreadyExists);
        }
    }

    public async Task<WriteResult> UpsertAsync(TRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        var response = await table.UpsertEntityAsync(Entity(record), TableUpdateMode.Replace, cancellationToken);
        return WriteResult.Written(response.Headers.ETag!.Value.ToString());
    }

    public async Task<WriteResult> ReplaceAsync(TRecord record, string? expectedVersion, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        try
        {
            var response = await table.UpdateEntityAsync(Entity(record), ETagOf(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return WriteResult.Written(response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return WriteResult.Failed(e.Status == 404 ? WriteStatus.NotFound : WriteStatus.VersionMismatch);
        }
    }

    public async Task<WriteResult> DeleteAsync(TKey key, string? expectedVersion, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        var (partitionKey, rowKey) = KeyOf(key);
        try
        {
            // The SDK answers a delete of a missing entity without throwing: the status tells.
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ETagOf(expectedVersion), cancellationToken);
            return response.Status == 404 ? WriteResult.Failed(WriteStatus.NotFound) : WriteResult.Written(string.Empty);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return WriteResult.Failed(e.Status == 404 ? WriteStatus.NotFound : WriteStatus.VersionMismatch);
        }
    }

    public async Task DeleteTenantAsync(string businessId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        await table.DeletePartitionAsync(businessId, cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<TRecord>>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        var records = new List<Versioned<TRecord>>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {businessId}"), cancellationToken: cancellationToken))
        {
            records.Add(Versioned(entity));
        }

        return records;
    }

    /// <summary>One page of a query across partitions; <paramref name="continuation"/> is the token a previous page returned.</summary>
    protected async Task<Page<Versioned<TRecord>>> QueryPageAsync(string? filter, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return new Page<Versioned<TRecord>>(page.Values.Select(Versioned).ToArray(), page.ContinuationToken);
        }

        return new Page<Versioned<TRecord>>([], null);
    }

    private TableEntity Entity(TRecord record)
    {
        var (partitionKey, rowKey) = KeyOf(RecordKey(record));
        var entity = new TableEntity(partitionKey, rowKey);
        Write(record, entity);
        return entity;
    }

    private Versioned<TRecord> Versioned(TableEntity entity) => new(Read(entity), entity.ETag.ToString());

    private static ETag ETagOf(string? version) => version is null ? ETag.All : new ETag(version);
}
