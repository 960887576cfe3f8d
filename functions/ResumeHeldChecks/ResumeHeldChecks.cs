using Microsoft.Azure.Functions.Worker;
using SocialWatch.Checks.Sweeps;

namespace SocialWatch.Functions;

/// <summary>Queue "held-checks-due": a host's held checks (Retry-After) have come due; sends them back to check-profile.</summary>
public sealed class ResumeHeldChecks(HeldChecks held)
{
    [Function(nameof(ResumeHeldChecks))]
    public Task Run([QueueTrigger("held-checks-due")] string message, CancellationToken cancellationToken) =>
        held.ResumeAsync(HeldChecksDue.Read(message), cancellationToken);
}
