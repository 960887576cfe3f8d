using Azure.Storage.Queues;

namespace SocialWatch.Storage;

/// <summary>
/// One queue the app sends work to: its name prefixed through <see cref="StorageNames"/>, created on first use, messages
/// encoded as the Functions host reads them (the client is configured for base64). Each queue's message type stays with
/// the class that owns the queue; this is the part they all share.
/// </summary>
public sealed class StorageQueue
{
    /// <summary>Queue Storage keeps a message invisible for at most seven days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    private readonly QueueClient queue;
    private readonly Lazy<Task> created;

    public StorageQueue(QueueServiceClient queues, StorageNames names, string baseName)
    {
        queue = queues.GetQueueClient(names.Queue(baseName));
        created = new Lazy<Task>(() => queue.CreateIfNotExistsAsync());
    }

    /// <summary>Sends a message; with a delay, it stays invisible until then (capped at <see cref="MaxDelay"/>).</summary>
    public async Task SendAsync(string message, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        await created.Value;
        TimeSpan? visibility = delay is { } d && d > TimeSpan.Zero ? (d < MaxDelay ? d : MaxDelay) : null;
        await queue.SendMessageAsync(message, visibility, timeToLive: null, cancellationToken);
    }

    /// <summary>The queue's approximate length (visible and invisible messages), as Queue Storage reports it.</summary>
    public async Task<int> ApproximateLengthAsync(CancellationToken cancellationToken)
    {
        await created.Value;
        return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
    }
}
