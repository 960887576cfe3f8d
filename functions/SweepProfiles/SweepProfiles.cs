using Microsoft.Azure.Functions.Worker;
using SocialWatch.Checks.Sweeps;

namespace SocialWatch.Functions;

/// <summary>Timer (%SWEEP_SCHEDULE%, every 6 hours by default): the canary, then one CheckProfile message per due profile.</summary>
public sealed class SweepProfiles(ProfileSweep sweep)
{
    [Function(nameof(SweepProfiles))]
    public Task Run([TimerTrigger("%SWEEP_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
