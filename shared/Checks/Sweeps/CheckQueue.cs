using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>The queue the CheckProfile function reads: one message per profile to check.</summary>
public sealed class CheckQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "check-profile";

    private readonly StorageQueue queue = new(queues, names, QueueName);

    /// <summary>Sends a check; with a delay, the message stays invisible until then (a rescheduled check holds no worker).</summary>
    public async Task SendAsync(CheckProfileMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await queue.SendAsync(message.Serialize(), cancellationToken, delay);
    }

    /// <summary>How many checks wait on the queue, in flight included (approximate).</summary>
    public Task<int> ApproximateLengthAsync(CancellationToken cancellationToken) => queue.ApproximateLengthAsync(cancellationToken);
}
