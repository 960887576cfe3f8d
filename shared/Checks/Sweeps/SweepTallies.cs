using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// This instance's count of each sweep's results, kept in memory so a check costs the tally no storage operation: every
/// <see cref="SweepOptions.TallyFlushInterval"/> the counts that changed are written to the instance's own shard row (one write
/// per sweep, whatever the number of checks), and the other instances' shards are read at most every
/// <see cref="SweepOptions.TallyReadInterval"/> (one partition query, which also brings the sweep's canary). The outage guard
/// decides on the freshest total: the other shards as last read plus this instance's live count.
/// Trade-off: a crash loses at most the counts of the last flush interval, and another instance sees this one's results up to
/// a flush plus a read interval late; a void decision rests on transient results, which never count towards dead anyway.
/// </summary>
public sealed partial class SweepTallies : IAsyncDisposable
{
    private readonly SweepStore store;
    private readonly TimeProvider time;
    private readonly SweepOptions options;
    private readonly ILogger<SweepTallies> logger;
    private readonly ConcurrentDictionary<string, SweepCount> sweeps = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim flushing = new(1, 1);
    private readonly ITimer flusher;

    public SweepTallies(SweepStore store, TimeProvider time, IOptions<SweepOptions> options, ILogger<SweepTallies> logger)
    {
        this.store = store;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        flusher = time.CreateTimer(_ => _ = FlushUnlessFlushingAsync(), null, this.options.TallyFlushInterval, this.options.TallyFlushInterval);
    }

    /// <summary>This instance's shard of every sweep's tally: unique per process, so only this instance writes it.</summary>
    public string Shard { get; } = Guid.NewGuid().ToString("N")[..16];

    /// <summary>Counts one result; returns the sweep's total as known now, this result included.</summary>
    public async Task<SweepTally> RecordAsync(string sweepId, CheckClass result, CancellationToken cancellationToken)
    {
        var sweep = sweeps.GetOrAdd(sweepId, id => new SweepCount(id));
        var (results, transient) = sweep.Add(result, time.GetUtcNow());
        var others = await sweep.OthersAsync(() => store.ReadTallyAsync(sweepId, Shard, cancellationToken), time.GetUtcNow(), options.TallyReadInterval);
        return others with { Results = others.Results + results, Transient = others.Transient + transient };
    }

    /// <summary>Writes the counts that changed since their last flush; forgets sweeps idle for a day. A failed write stays due.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken);
        await FlushHoldingAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await flusher.DisposeAsync();
        await FlushAsync(CancellationToken.None);
        flushing.Dispose();
    }

    /// <summary>The timer's flush: skipped when the previous one is still writing (it will be due again next tick).</summary>
    private async Task FlushUnlessFlushingAsync()
    {
        if (await flushing.WaitAsync(0))
        {
            await FlushHoldingAsync(CancellationToken.None);
        }
    }

    private async Task FlushHoldingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            foreach (var sweep in sweeps.Values)
            {
                if (sweep.Unflushed() is { } counts)
                {
                    try
                    {
                        await store.WriteShardAsync(sweep.Id, Shard, counts.Counts, cancellationToken);
                        sweep.Flushed(counts.Version);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogFlushFailed(e, sweep.Id);
                    }
                }
                else if (now - sweep.LastResultAt > TimeSpan.FromDays(1))
                {
                    sweeps.TryRemove(sweep.Id, out _);
                }
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush this instance's tally of sweep {SweepId}; it is tried again at the next flush")]
    private partial void LogFlushFailed(Exception exception, string sweepId);

    /// <summary>One sweep's counts on this instance, and the other instances' total as last read.</summary>
    private sealed class SweepCount(string id)
    {
        private readonly Lock gate = new();
        private readonly int[] counts = new int[Enum.GetValues<CheckClass>().Length];
        private long version;
        private long flushedVersion;
        private Task<SweepTally>? othersRead;
        private DateTimeOffset othersReadAt;

        public string Id { get; } = id;

        public DateTimeOffset LastResultAt { get; private set; }

        public (int Results, int Transient) Add(CheckClass result, DateTimeOffset now)
        {
            lock (gate)
            {
                counts[(int)result]++;
                version++;
                LastResultAt = now;
                return (counts.Sum(), counts[(int)CheckClass.Transient]);
            }
        }

        /// <summary>The other shards' total: read once, then again when older than <paramref name="maxAge"/>; a failed read is retried by the next caller.</summary>
        public Task<SweepTally> OthersAsync(Func<Task<SweepTally>> read, DateTimeOffset now, TimeSpan maxAge)
        {
            lock (gate)
            {
                if (othersRead is null || othersRead.IsFaulted || othersRead.IsCanceled || (othersRead.IsCompleted && now - othersReadAt >= maxAge))
                {
                    othersRead = read();
                    othersReadAt = now;
                }

                return othersRead;
            }
        }

        public (long Version, IReadOnlyDictionary<CheckClass, int> Counts)? Unflushed()
        {
            lock (gate)
            {
                return version == flushedVersion
                    ? null
                    : (version, Enum.GetValues<CheckClass>().Where(c => counts[(int)c] > 0).ToDictionary(c => c, c => counts[(int)c]));
            }
        }

        public void Flushed(long flushed)
        {
            lock (gate)
            {
                flushedVersion = Math.Max(flushedVersion, flushed);
            }
        }
    }
}
