using Microsoft.Azure.Functions.Worker;
using SocialWatch.Checks.Audits;

namespace SocialWatch.Functions;

/// <summary>Queue "audit-website": audits one business's websites and stores what each social link leads to.</summary>
public sealed class AuditWebsite(LinkAudits audits)
{
    [Function(nameof(AuditWebsite))]
    public Task Run([QueueTrigger("audit-website")] string message, CancellationToken cancellationToken) =>
        audits.AuditAsync(AuditQueue.Read(message), cancellationToken);
}
