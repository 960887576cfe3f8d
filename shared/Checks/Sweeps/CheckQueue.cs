using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// The queues of profile checks: check-profile (CheckProfile), one message per profile a sweep finds due, and
/// held-checks-due (ResumeHeldChecks), one message per host and minute when checks held for it come due, invisible until then.
/// Apart so that the fan-out's pacing reads the length of the checks it sent, not of messages waiting hours for a Retry-After.
/// </summary>
public sealed class CheckQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "check-profile";
    public const string DueQueueName = "held-checks-due";

    private readonly StorageQueue queue = new(queues, names, QueueName);
    private readonly StorageQueue due = new(queues, names, DueQueueName);

    public Task SendAsync(CheckProfileMessage message, CancellationToken cancellationToken) =>
        queue.SendAsync(message.Serialize(), cancellationToken);

    /// <summary>Sends the message that resumes a host's held checks, invisible for <paramref name="delay"/> (no worker waits).</summary>
    public Task SendDueAsync(HeldChecksDue message, TimeSpan delay, CancellationToken cancellationToken) =>
        due.SendAsync(message.Serialize(), cancellationToken, delay);

    /// <summary>How many checks wait on check-profile, in flight included (approximate).</summary>
    public Task<int> ApproximateLengthAsync(CancellationToken cancellationToken) => queue.ApproximateLengthAsync(cancellationToken);
}
