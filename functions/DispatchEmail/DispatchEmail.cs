using SocialWatch.Alerts;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "outbox": sends one recorded email, at most once.</summary>
public sealed class DispatchEmail(Outbox outbox) : IQueueFunction
{
    public const string Name = nameof(DispatchEmail);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        outbox.DispatchAsync(OutboxQueue.Read(message.Body), cancellationToken);
}
