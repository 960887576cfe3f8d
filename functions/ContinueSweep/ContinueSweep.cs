using SocialWatch.Checks.Sweeps;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "continue-sweep": carries on a sweep's fan-out where the last run's budget ended it.</summary>
public sealed class ContinueSweep(ProfileSweep sweep) : IQueueFunction
{
    public const string Name = nameof(ContinueSweep);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        sweep.ContinueAsync(SweepContinuation.Read(message.Body), cancellationToken);
}
