using Microsoft.Extensions.Options;
using SocialWatch.Checks.Fetching;
using SocialWatch.Checks.Rules;
using SocialWatch.Profiles;

namespace SocialWatch.Checks;

/// <summary>A profile to check: its public URL and, when known, the network it was declared on.</summary>
public sealed record ProfileTarget(Uri Url, Network? Network = null);

/// <summary>
/// Checks one profile once: finds its site in the rule data, fetches the page (or the site's public API probe for it),
/// and classifies the outcome. Pure of storage: the caller records the result and decides what it changes.
/// </summary>
public sealed class ProfileChecker(
    ProfileRuleSet rules,
    PageFetcher fetcher,
    ResultClassifier classifier,
    IOptions<FetchOptions> options,
    TimeProvider time)
{
    public async Task<CheckResult> CheckAsync(ProfileTarget target, CancellationToken cancellationToken = default)
    {
        var site = rules.Resolve(target.Url, target.Network);
        var apiOverride = site is not null && options.Value.ApiOrigins.TryGetValue(site.Site.Id, out var origin) ? new Uri(origin) : null;
        var url = site?.Site.FetchUrl(target.Url, site.Handle, apiOverride) ?? target.Url;
        var outcome = await fetcher.FetchAsync(url, rules.LoginWallAt, cancellationToken);
        return classifier.Classify(target.Url, site, outcome, time.GetUtcNow());
    }
}
