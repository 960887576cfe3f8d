using System.Collections.Concurrent;

namespace SocialWatch.Storage;

/// <summary>A write that inserts the record (<see cref="Version"/> null: it must not exist yet) or replaces it at that version.</summary>
public sealed record ConditionalWrite<TRecord>(TRecord Record, string? Version);

/// <summary>
/// Group commit of conditional writes per partition: the first write to a partition is submitted at once, alone; writes to
/// it that arrive while that transaction is in flight wait and go together in the next one (up to
/// <see cref="MaxPerTransaction"/>, one per row). So a quiet partition costs what a single write costs, and a busy one far
/// fewer requests. Each write still gets its own result: one refused for its version fails alone.
/// </summary>
public sealed class GroupCommit<TRecord>(
    Func<TRecord, TableKey> keyOf,
    Func<IReadOnlyList<ConditionalWrite<TRecord>>, CancellationToken, Task<IReadOnlyList<WriteResult>>> submit)
{
    /// <summary>The most operations one entity group transaction holds.</summary>
    public const int MaxPerTransaction = 100;

    private readonly ConcurrentDictionary<string, Partition> partitions = new(StringComparer.Ordinal);

    public Task<WriteResult> WriteAsync(ConditionalWrite<TRecord> write, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = keyOf(write.Record);
        var waiting = new Waiting(write, rowKey);
        var partition = partitions.GetOrAdd(partitionKey, _ => new Partition());
        bool leads;
        lock (partition)
        {
            partition.Waiting.Add(waiting);
            leads = !partition.Submitting;
            partition.Submitting = true;
        }

        if (leads)
        {
            // On its own task: the caller that started the run gets its result as soon as its own transaction is done.
            _ = Task.Run(() => SubmitWhileWaitingAsync(partitionKey, partition), CancellationToken.None);
        }

        return waiting.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Submits what waits, transaction after transaction, until nothing does. Writes already taken are submitted whatever
    /// their callers do meanwhile (they are conditional, and other callers' results ride on the same transaction).
    /// </summary>
    private async Task SubmitWhileWaitingAsync(string partitionKey, Partition partition)
    {
        while (true)
        {
            List<Waiting> batch;
            lock (partition)
            {
                if (partition.Waiting.Count == 0)
                {
                    partition.Submitting = false;
                    // Forget an idle partition; a writer that still holds it just leads its own run.
                    partitions.TryRemove(new KeyValuePair<string, Partition>(partitionKey, partition));
                    return;
                }

                batch = partition.TakeBatch();
            }

            try
            {
                var results = await submit(batch.Select(w => w.Write).ToArray(), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                // A storage fault: every write of the transaction failed with it, and each caller sees it (none is lost silently).
                foreach (var waiting in batch)
                {
                    waiting.Done.TrySetException(e);
                }
            }
        }
    }

    private sealed record Waiting(ConditionalWrite<TRecord> Write, string RowKey)
    {
        public TaskCompletionSource<WriteResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Partition
    {
        public List<Waiting> Waiting { get; } = [];

        public bool Submitting { get; set; }

        /// <summary>Up to <see cref="MaxPerTransaction"/> waiting writes, oldest first, one per row (a transaction may not touch a row twice).</summary>
        public List<Waiting> TakeBatch()
        {
            var rows = new HashSet<string>(StringComparer.Ordinal);
            var batch = new List<Waiting>();
            foreach (var waiting in Waiting)
            {
                if (batch.Count == MaxPerTransaction)
                {
                    break;
                }

                if (rows.Add(waiting.RowKey))
                {
                    batch.Add(waiting);
                }
            }

            Waiting.RemoveAll(batch.Contains);
            return batch;
        }
    }
}
