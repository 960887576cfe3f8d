using SocialWatch.Checks.Audits;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "audit-website": audits one business's websites and stores what each social link leads to.</summary>
public sealed class AuditWebsite(LinkAudits audits) : IQueueFunction
{
    public const string Name = nameof(AuditWebsite);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        audits.AuditAsync(AuditQueue.Read(message.Body), cancellationToken);
}
