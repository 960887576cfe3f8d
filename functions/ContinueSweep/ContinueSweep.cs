using Microsoft.Azure.Functions.Worker;
using SocialWatch.Checks.Sweeps;

namespace SocialWatch.Functions;

/// <summary>Queue "continue-sweep": carries on a sweep's fan-out where the last run's budget ended it.</summary>
public sealed class ContinueSweep(ProfileSweep sweep)
{
    [Function(nameof(ContinueSweep))]
    public Task Run([QueueTrigger("continue-sweep")] string message, CancellationToken cancellationToken) =>
        sweep.ContinueAsync(SweepContinuation.Read(message), cancellationToken);
}
