using System.Text.Json.Serialization;
using SocialWatch.Alerts;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Health;

/// <summary>
/// Everything SocialWatch knows about one profile's health, in one entity so a check costs one read and one conditional
/// write: the declared health with its run of dead results, the last check, a short history, the last known activity,
/// what the owner was last told, and when to check again.
/// </summary>
public sealed record ProfileHealth(
    string BusinessId,
    string ProfileId,
    HealthVerdict Verdict,
    CheckSummary? LastCheck,
    IReadOnlyList<HistoryEntry> History,
    LastActivity? Activity,
    AlertState Alert,
    DateTimeOffset? NextCheckAt)
{
    /// <summary>Results kept in <see cref="History"/>, newest last.</summary>
    public const int HistoryLength = 30;

    [JsonIgnore]
    public ProfileKey Key => new(BusinessId, ProfileId);

    public static ProfileHealth New(ProfileKey key) => new(key.BusinessId, key.ProfileId, HealthVerdict.Initial, null, [], null, AlertState.Quiet, null);

    /// <summary>Whether the sweep should check it now: never checked, or its next check is due.</summary>
    public bool IsDue(DateTimeOffset now) => NextCheckAt is not { } next || next <= now;

    /// <summary>This health with the result recorded as the last check and appended to the bounded history.</summary>
    public ProfileHealth WithCheck(CheckResult result) => this with
    {
        LastCheck = CheckSummary.Of(result),
        History = [.. History.Skip(Math.Max(0, History.Count - HistoryLength + 1)), new HistoryEntry(result.CheckedAt, result.Class, result.Evidence.RuleId, result.Evidence.Status)],
    };

    /// <summary>This health with a later activity recorded; an older one changes nothing.</summary>
    public ProfileHealth WithActivity(DateTimeOffset at, ActivitySource source) =>
        Activity is { } known && known.At >= at ? this : this with { Activity = new LastActivity(at, source) };
}

/// <summary>The last check of a profile, enough to explain it: class, rule, HTTP status, where it ended, why.</summary>
public sealed record CheckSummary(
    CheckClass Class,
    string RuleId,
    int? Status,
    Uri FinalUrl,
    string? Detail,
    DateTimeOffset CheckedAt,
    DateTimeOffset? RetryAt,
    Uri? MovedTo)
{
    public static CheckSummary Of(CheckResult result) => new(
        result.Class, result.Evidence.RuleId, result.Evidence.Status, result.Evidence.FinalUrl, result.Evidence.Detail,
        result.CheckedAt, result.Evidence.RetryAt, result.Evidence.MovedTo);

    /// <summary>The result this summary was made of, as far as it keeps it, for the profile at <paramref name="url"/>.</summary>
    public CheckResult ToResult(Uri url) =>
        new(Class, url, CheckedAt, new CheckEvidence { RuleId = RuleId, Status = Status, FinalUrl = FinalUrl, Detail = Detail, RetryAt = RetryAt, MovedTo = MovedTo });
}

/// <summary>One past check, compact (30 of them share one table property).</summary>
public sealed record HistoryEntry(DateTimeOffset At, CheckClass Class, string RuleId, int? Status);

/// <summary>When the profile last posted, and who told us.</summary>
public sealed record LastActivity(DateTimeOffset At, ActivitySource Source);
