using System.Text.Json;
using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Engagement;

/// <summary>
/// Queue <c>score-snapshot</c>: one message per snapshot, its JSON. Ids are capped at 128 characters and counts are
/// numbers, so a message stays under 2 KB, far within the 48 KiB a base64-encoded message may carry.
/// </summary>
public sealed class SnapshotQueue(QueueServiceClient queues, StorageNames names) : ISnapshotQueue
{
    public const string QueueName = "score-snapshot";

    /// <summary>Sends in flight at once: a year of weekly snapshots for 20 profiles is a thousand messages.</summary>
    private const int ParallelSends = 16;

    private readonly StorageQueue queue = new(queues, names, QueueName);

    public async Task EnqueueAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(snapshots, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken }, async (snapshot, ct) =>
            await queue.SendAsync(Write(snapshot), ct));
    }

    public static string Write(EngagementSnapshot snapshot) => JsonSerializer.Serialize(snapshot, SnapshotJson.Options);

    public static EngagementSnapshot Read(string message) =>
        JsonSerializer.Deserialize<EngagementSnapshot>(message, SnapshotJson.Options) ?? throw new FormatException("A score-snapshot message holds a snapshot, not null.");
}

internal static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
