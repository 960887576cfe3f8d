using SocialWatch.Checks.Sweeps;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Timer (%SWEEP_SCHEDULE%, every 6 hours by default): the canary, then one CheckProfile message per due profile.</summary>
public sealed class SweepProfiles(ProfileSweep sweep) : ITimerFunction
{
    public const string Name = nameof(SweepProfiles);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
