using Microsoft.Azure.Functions.Worker;
using SocialWatch.Alerts;

namespace SocialWatch.Functions;

/// <summary>Queue "outbox": sends one recorded email, at most once.</summary>
public sealed class DispatchEmail(Outbox outbox)
{
    [Function(nameof(DispatchEmail))]
    public Task Run([QueueTrigger("outbox")] string message, CancellationToken cancellationToken) =>
        outbox.DispatchAsync(OutboxQueue.Read(message), cancellationToken);
}
