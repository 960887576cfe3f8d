using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// The queues of profile checks: check-profile (CheckProfile), one message per profile a sweep finds due, and
/// check-profile-later (CheckProfileLater), checks a host asked us to come back to, invisible until then. Apart so that the
/// fan-out's pacing reads the length of the checks it sent, not of checks waiting hours for a Retry-After.
/// </summary>
public sealed class CheckQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "check-profile";
    public const string LaterQueueName = "check-profile-later";

    private readonly StorageQueue queue = new(queues, names, QueueName);
    private readonly StorageQueue later = new(queues, names, LaterQueueName);

    public Task SendAsync(CheckProfileMessage message, CancellationToken cancellationToken) =>
        queue.SendAsync(message.Serialize(), cancellationToken);

    /// <summary>Sends a check that stays invisible for <paramref name="delay"/> (a rescheduled check holds no worker).</summary>
    public Task SendLaterAsync(CheckProfileMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        later.SendAsync(message.Serialize(), cancellationToken, delay);

    /// <summary>How many checks wait on check-profile, in flight included (approximate).</summary>
    public Task<int> ApproximateLengthAsync(CancellationToken cancellationToken) => queue.ApproximateLengthAsync(cancellationToken);
}
