using System.Text.Json;
using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// Where a sweep's fan-out stands: the page of active businesses it is in (the continuation that reads that page; null for
/// the first) and the last business of that page done (null: none). Businesses come in the order of their ids, and a table
/// continuation names the next keys, so both stay valid while businesses come and go.
/// </summary>
public sealed record SweepCursor(string? Page, string? LastDone)
{
    public static readonly SweepCursor Start = new(null, null);

    public bool IsPast(string businessId) => LastDone is not null && string.CompareOrdinal(businessId, LastDone) <= 0;
}

/// <summary>A sweep whose fan-out ran out of its budget: carried on from <paramref name="Cursor"/> by ContinueSweep.</summary>
/// <param name="Enqueued">Checks enqueued by the runs before.</param>
public sealed record SweepContinuation(string SweepId, SweepCursor Cursor, int Enqueued)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static SweepContinuation Read(string message) =>
        JsonSerializer.Deserialize<SweepContinuation>(message, Json) is { SweepId.Length: > 0, Cursor: not null, Enqueued: >= 0 } read
            ? read
            : throw new FormatException("A continue-sweep message names a sweepId, a cursor {page, lastDone} and the count enqueued so far.");
}

/// <summary>The queue the ContinueSweep function reads: at most one message per sweep at a time.</summary>
public sealed class SweepContinuationQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "continue-sweep";

    private readonly StorageQueue queue = new(queues, names, QueueName);

    public Task SendAsync(SweepContinuation continuation, CancellationToken cancellationToken) =>
        queue.SendAsync(continuation.Serialize(), cancellationToken);
}
