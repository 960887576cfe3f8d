using SocialWatch.Alerts;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Every two minutes: asks again for emails that are due (retries after an SMTP outage, lost queue messages, expired claims).</summary>
public sealed class SweepOutbox(Outbox outbox) : ITimerFunction
{
    public const string Name = nameof(SweepOutbox);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => outbox.RequeueDueAsync(cancellationToken);
}
