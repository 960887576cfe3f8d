using Microsoft.Azure.Functions.Worker;
using SocialWatch.Alerts;

namespace SocialWatch.Functions;

/// <summary>Timer (%OUTBOX_SCHEDULE%, every two minutes by default): asks again for emails that are due (retries after an SMTP outage, lost queue messages, expired claims).</summary>
public sealed class SweepOutbox(Outbox outbox)
{
    [Function(nameof(SweepOutbox))]
    public Task Run([TimerTrigger("%OUTBOX_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) => outbox.RequeueDueAsync(cancellationToken);
}
