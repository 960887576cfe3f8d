using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>The queue the CheckProfile function reads: one message per profile to check.</summary>
public sealed class CheckQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "check-profile";

    /// <summary>Queue Storage keeps a message invisible for at most seven days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    private readonly QueueClient queue = queues.GetQueueClient(names.Queue(QueueName));
    private readonly Lazy<Task> created = new(() => queues.GetQueueClient(names.Queue(QueueName)).CreateIfNotExistsAsync());

    /// <summary>Sends a check; with a delay, the message stays invisible until then (a rescheduled check holds no worker).</summary>
    public async Task SendAsync(CheckProfileMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await created.Value;
        TimeSpan? visibility = delay is { } d && d > TimeSpan.Zero ? (d < MaxDelay ? d : MaxDelay) : null;
        await queue.SendMessageAsync(message.Serialize(), visibility, timeToLive: null, cancellationToken);
    }
}
