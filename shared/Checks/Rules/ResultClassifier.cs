using SocialWatch.Checks.Fetching;

namespace SocialWatch.Checks.Rules;

/// <summary>
/// Turns a fetch outcome into a <see cref="CheckResult"/>. Answers go through the rule data (common, the site's own,
/// fallback: first match wins); endings without an answer map by kind alone, the same for every network.
/// </summary>
public sealed class ResultClassifier(ProfileRuleSet rules)
{
    public CheckResult Classify(Uri profileUrl, SiteMatch? site, FetchOutcome outcome, DateTimeOffset checkedAt)
    {
        var evidence = new CheckEvidence
        {
            RuleId = outcome.RuleId ?? outcome.End.ToString(),
            SiteId = site?.Site.Id,
            Status = outcome.Status,
            FinalUrl = outcome.FinalUrl,
            Hops = outcome.Hops,
            Elapsed = outcome.Elapsed,
            Attempts = outcome.Attempts,
            RetryAt = outcome.RetryAt,
            Detail = outcome.Detail,
        };

        if (outcome.End != FetchEnd.Response)
        {
            return new CheckResult(ClassOf(outcome.End), profileUrl, checkedAt, evidence);
        }

        var facts = new ResponseFacts(outcome, rules, site);
        var rule = rules.Common.Concat(site?.Site.Rules ?? []).Concat(rules.Fallback).First(r => r.Matches(facts));
        return new CheckResult(rule.Class, profileUrl, checkedAt, evidence with
        {
            RuleId = rule.Id,
            Detail = rule.Why,
            MovedTo = rule.Class == CheckClass.Moved ? MovedTo(rule, facts, outcome) : null,
            RetryAt = rule.Class == CheckClass.RateLimited ? outcome.RetryAt : null,
        });
    }

    /// <summary>Endings without an answer: nothing reached the profile, so nothing is said about it.</summary>
    public static CheckClass ClassOf(FetchEnd end) => end switch
    {
        FetchEnd.LoginWall or FetchEnd.RedirectLimit or FetchEnd.Refused => CheckClass.Blocked,
        FetchEnd.Timeout or FetchEnd.ConnectionFailed or FetchEnd.CircuitOpen => CheckClass.Transient,
        FetchEnd.RateLimited => CheckClass.RateLimited,
        _ => throw new ArgumentOutOfRangeException(nameof(end), end, "A response is classified by the rules."),
    };

    private static Uri MovedTo(ResponseRule rule, ResponseFacts facts, FetchOutcome outcome) =>
        rule.MovedToJsonPath is { } path
        && facts.JsonAt(path) is { ValueKind: System.Text.Json.JsonValueKind.String } value
        && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var target)
            ? target
            : outcome.FinalUrl;
}
