using Microsoft.Azure.Functions.Worker;
using SocialWatch.Checks.Audits;

namespace SocialWatch.Functions;

/// <summary>Timer (%AUDIT_SCHEDULE%, daily by default): one AuditWebsite message per business with a website.</summary>
public sealed class AuditWebsites(LinkAudits audits)
{
    [Function(nameof(AuditWebsites))]
    public Task Run([TimerTrigger("%AUDIT_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) => audits.EnqueueAllAsync(cancellationToken);
}
