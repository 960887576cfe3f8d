using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Verdicts;

/// <summary>Checks the canary pages (always up) before a sweep is trusted: the first alive one is the canary's result.</summary>
public sealed class ConnectivityCanary(ProfileChecker checker, IOptions<SweepGuardOptions> options)
{
    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        CheckResult? last = null;
        foreach (var url in options.Value.CanaryUrls)
        {
            last = await checker.CheckAsync(new ProfileTarget(url), cancellationToken);
            if (last.Class == CheckClass.Alive)
            {
                return last;
            }
        }

        return last!;
    }
}
