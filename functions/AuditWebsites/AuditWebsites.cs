using SocialWatch.Checks.Audits;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Timer (%AUDIT_SCHEDULE%, daily by default): one AuditWebsite message per business with a website.</summary>
public sealed class AuditWebsites(LinkAudits audits) : ITimerFunction
{
    public const string Name = nameof(AuditWebsites);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => audits.EnqueueAllAsync(cancellationToken);
}
