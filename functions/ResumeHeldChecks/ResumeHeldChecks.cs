using SocialWatch.Checks.Sweeps;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "held-checks-due": a host's held checks (Retry-After) have come due; sends them back to check-profile.</summary>
public sealed class ResumeHeldChecks(HeldChecks held) : IQueueFunction
{
    public const string Name = nameof(ResumeHeldChecks);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        held.ResumeAsync(HeldChecksDue.Read(message.Body), cancellationToken);
}
