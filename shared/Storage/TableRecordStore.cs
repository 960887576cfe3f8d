using Azure;
using Azure.Data.Tables;

namespace SocialWatch.Storage;

/// <summary>Where a record sits in its table.</summary>
public readonly record struct TableKey(string PartitionKey, string RowKey);

/// <summary>
/// <see cref="IRecordStore{TKey, TRecord}"/> on Azure Table Storage. A subclass is one aggregate: it builds the keys (in one
/// place) and maps the record to and from its entity; versions are the entities' ETags. Every table here is partitioned by
/// business id, so one tenant's records are one partition: listed by one query, purged in batches.
/// A store given a <see cref="RecordReadCache"/> serves point reads and partition listings from it, and forgets a partition
/// whenever it writes to it.
/// </summary>
public abstract class TableRecordStore<TKey, TRecord>(StorageTables tables, string tableBaseName, RecordReadCache? cache = null) : IRecordStore<TKey, TRecord>
{
    // Listings are cached beside the point reads of their partition, under a row key no entity can have.
    private const string WholePartition = "\u0000partition";

    protected abstract TableKey KeyOf(TKey key);

    protected abstract TKey RecordKey(TRecord record);

    /// <summary>Copies the record's properties onto an entity whose keys are already set.</summary>
    protected abstract void Write(TRecord record, TableEntity entity);

    protected abstract TRecord Read(TableEntity entity);

    /// <summary>
    /// The table, for a store's own queries beyond the common operations. Writes made through it bypass the read cache:
    /// a store given a <see cref="RecordReadCache"/> wraps its own writes in <see cref="Writing"/>.
    /// </summary>
    protected Task<TableClient> TableAsync() => tables.GetAsync(tableBaseName);

    public Task<Versioned<TRecord>?> FindAsync(TKey key, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = KeyOf(key);
        return Cached(partitionKey, rowKey, async () =>
        {
            var table = await tables.GetAsync(tableBaseName);
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            return response.HasValue ? Versioned(response.Value!) : null;
        });
    }

    public Task<WriteResult> InsertAsync(TRecord record, CancellationToken cancellationToken) =>
        Writing(PartitionOf(record), () => InsertCoreAsync(record, cancellationToken));

    public Task<WriteResult> UpsertAsync(TRecord record, CancellationToken cancellationToken) =>
        Writing(PartitionOf(record), () => UpsertCoreAsync(record, cancellationToken));

    public Task<WriteResult> ReplaceAsync(TRecord record, string? expectedVersion, CancellationToken cancellationToken) =>
        Writing(PartitionOf(record), () => ReplaceCoreAsync(record, expectedVersion, cancellationToken));

    /// <summary>
    /// Writes records of one partition (at most <see cref="GroupCommit{TRecord}.MaxPerTransaction"/>, each row once) in one
    /// entity group transaction, with one result per write: a write refused (its version changed, the record is missing or
    /// already exists) fails alone, and the others are submitted again without it.
    /// </summary>
    protected Task<IReadOnlyList<WriteResult>> WriteTogetherAsync(IReadOnlyList<ConditionalWrite<TRecord>> writes, CancellationToken cancellationToken) =>
        Writing(PartitionOf(writes[0].Record), async () =>
        {
            var table = await tables.GetAsync(tableBaseName);
            var results = new WriteResult[writes.Count];
            // Built once: a refused write makes the others go again, and an entity is the record's JSON.
            var actions = writes.Select(w => w.Version is { } version
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(w.Record), new ETag(version))
                : new TableTransactionAction(TableTransactionActionType.Add, Entity(w.Record))).ToArray();
            var left = Enumerable.Range(0, writes.Count).ToList();
            while (left.Count > 0)
            {
                try
                {
                    var responses = (await table.SubmitTransactionAsync(left.Select(i => actions[i]), cancellationToken)).Value;
                    for (var k = 0; k < left.Count; k++)
                    {
                        results[left[k]] = WriteResult.Written(responses[k].Headers.ETag!.Value.ToString());
                    }

                    left.Clear();
                }
                catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is { } failed && e.Status is 404 or 409 or 412)
                {
                    results[left[failed]] = WriteResult.Failed(Refusal(e.Status));
                    left.RemoveAt(failed);
                }
            }

            return (IReadOnlyList<WriteResult>)results;
        });

    public Task<WriteResult> DeleteAsync(TKey key, string? expectedVersion, CancellationToken cancellationToken) =>
        Writing(KeyOf(key).PartitionKey, () => DeleteCoreAsync(key, expectedVersion, cancellationToken));

    public Task DeleteTenantAsync(string businessId, CancellationToken cancellationToken) =>
        Writing(businessId, async () =>
        {
            var table = await tables.GetAsync(tableBaseName);
            await table.DeletePartitionAsync(businessId, cancellationToken);
            return true;
        });

    /// <summary>What Table Storage's refusal of a conditional write means: the record is missing, taken, or changed since.</summary>
    private static WriteStatus Refusal(int status) => status switch
    {
        404 => WriteStatus.NotFound,
        409 => WriteStatus.AlreadyExists,
        412 => WriteStatus.VersionMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a refusal of a conditional write."),
    };

    private async Task<WriteResult> InsertCoreAsync(TRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        try
        {
            var response = await table.AddEntityAsync(Entity(record), cancellationToken);
            return WriteResult.Written(response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return WriteResult.Failed(Refusal(e.Status));
        }
    }

    private async Task<WriteResult> UpsertCoreAsync(TRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        var response = await table.UpsertEntityAsync(Entity(record), TableUpdateMode.Replace, cancellationToken);
        return WriteResult.Written(response.Headers.ETag!.Value.ToString());
    }

    private async Task<WriteResult> ReplaceCoreAsync(TRecord record, string? expectedVersion, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        try
        {
            var response = await table.UpdateEntityAsync(Entity(record), ETagOf(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return WriteResult.Written(response.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return WriteResult.Failed(Refusal(e.Status));
        }
    }

    private async Task<WriteResult> DeleteCoreAsync(TKey key, string? expectedVersion, CancellationToken cancellationToken)
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
            return WriteResult.Failed(Refusal(e.Status));
        }
    }

    public Task<IReadOnlyList<Versioned<TRecord>>> ListAsync(string businessId, CancellationToken cancellationToken) =>
        Cached(businessId, WholePartition, () => QueryAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {businessId}"), cancellationToken));

    /// <summary>Every record the filter matches, all pages read (not through the cache).</summary>
    protected async Task<IReadOnlyList<Versioned<TRecord>>> QueryAllAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableBaseName);
        var records = new List<Versioned<TRecord>>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
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

    /// <summary>A read served from the cache, if any; a store's own listings use a row key no entity can have (starting with NUL).</summary>
    protected Task<T> Cached<T>(string partitionKey, string rowKey, Func<Task<T>> read) =>
        cache is null ? read() : cache.GetOrReadAsync(tableBaseName, partitionKey, rowKey, read);

    /// <summary>A write to the partition, after which (done or failed) the cache forgets the partition.</summary>
    protected async Task<T> Writing<T>(string partitionKey, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        finally
        {
            cache?.ForgetPartition(tableBaseName, partitionKey);
        }
    }

    private string PartitionOf(TRecord record) => KeyOf(RecordKey(record)).PartitionKey;

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
