using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace SocialWatch.Storage;

/// <summary>
/// Table clients by base name, with the configured prefix applied (through <see cref="StorageNames"/>) and the table created
/// on first use, once per process. A failed creation is not remembered, so the next call tries again.
/// </summary>
public sealed class StorageTables(TableServiceClient service, StorageNames names)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string baseName)
    {
        var table = tables.GetOrAdd(baseName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await table.Value;
        }
        catch (Exception)
        {
            tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(baseName, table));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string baseName)
    {
        var client = service.GetTableClient(names.Table(baseName));
        // Shared by every caller: no single request's cancellation may abandon it half-way.
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
