using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SocialWatch.Storage;

/// <summary>
/// Short-lived copies of the records every API request reads (the caller's key, the business, its plan and profiles), so
/// that a business's website calling the API on each page view does not cost four storage reads a time.
/// A store's own writes forget the whole partition they touch at once, so this instance never serves a record older than
/// its own last write; another instance's write shows after at most <see cref="StorageOptions.ReadCacheTtl"/>. Missing
/// records are cached too: probing unknown ids costs storage nothing. Concurrent misses of one entry share one read
/// (a dashboard's answers all asking for a business's scored history at once scan it once).
/// </summary>
public sealed class RecordReadCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly TimeSpan ttl;

    // A partition's generation is part of its entries' keys: bumping it makes every older entry unreachable at once,
    // including one a read in flight stores after the write that made it stale.
    private readonly ConcurrentDictionary<(string Table, string Partition), long> generations = new();

    private readonly ConcurrentDictionary<(string Table, string Partition, long Generation, string Row), Lazy<Task<object?>>> inFlight = new();

    public RecordReadCache(IOptions<StorageOptions> options)
    {
        ttl = options.Value.ReadCacheTtl;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ReadCacheEntries });
    }

    public bool IsEnabled => ttl > TimeSpan.Zero;

    public async Task<T> GetOrReadAsync<T>(string table, string partition, string row, Func<Task<T>> read)
    {
        if (!IsEnabled)
        {
            return await read();
        }

        var key = (table, partition, generations.GetValueOrDefault((table, partition)), row);
        if (cache.TryGetValue(key, out var cached))
        {
            return (T)cached!;
        }

        var mine = new Lazy<Task<object?>>(async () =>
        {
            var value = await read();
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl, Size = 1 });
            return value;
        });
        var flight = inFlight.GetOrAdd(key, mine);
        try
        {
            return (T)(await flight.Value)!;
        }
        catch (OperationCanceledException) when (flight != mine)
        {
            // The caller whose read this one joined gave up: that is no reason for this caller to.
            return await read();
        }
        finally
        {
            // Done, kept or failed: the next miss reads again (a failure is not cached).
            inFlight.TryRemove(KeyValuePair.Create(key, flight));
        }
    }

    /// <summary>Called after every write to the partition, successful or not (a failed conditional write means a stale copy).</summary>
    public void ForgetPartition(string table, string partition)
    {
        if (IsEnabled)
        {
            generations.AddOrUpdate((table, partition), 1, (_, generation) => generation + 1);
        }
    }

    public void Dispose() => cache.Dispose();
}
