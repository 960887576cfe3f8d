using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Verdicts;

/// <summary>
/// No false alarms: a profile is declared dead only after <see cref="DeadDeclarationOptions.ConsecutiveDeadResults"/> dead
/// results in a row spread over at least <see cref="DeadDeclarationOptions.MinimumSpan"/>. Blocked, rate-limited and
/// transient results neither count towards that nor break the run; an alive result ends it; moved is declared at once.
/// Applying a result is idempotent: a result no newer than the last conclusive one (a redelivered message) changes nothing.
/// </summary>
public sealed class DeadDeclarationPolicy(IOptions<DeadDeclarationOptions> options)
{
    public HealthVerdict Apply(HealthVerdict current, CheckResult result)
    {
        if (!result.Class.IsConclusive() || result.CheckedAt <= current.LastConclusiveAt)
        {
            return current;
        }

        var at = result.CheckedAt;
        return result.Class switch
        {
            CheckClass.Alive => new HealthVerdict(DeclaredHealth.Alive, current.State == DeclaredHealth.Alive ? current.Since : at, 0, null, null, at, null),
            CheckClass.Moved => new HealthVerdict(
                DeclaredHealth.Moved,
                current.State == DeclaredHealth.Moved && current.MovedTo == result.Evidence.MovedTo ? current.Since : at,
                0, null, null, at, result.Evidence.MovedTo),
            _ => Dead(current, at),
        };
    }

    /// <summary>The verdict a whole history of results leads to, oldest first.</summary>
    public HealthVerdict Replay(IEnumerable<CheckResult> history) => history.Aggregate(HealthVerdict.Initial, Apply);

    private HealthVerdict Dead(HealthVerdict current, DateTimeOffset at)
    {
        var settings = options.Value;
        var firstDeadAt = current.FirstDeadAt ?? at;
        var run = current.DeadRun + 1;
        var declared = current.State == DeclaredHealth.Dead
            || (run >= settings.ConsecutiveDeadResults && at - firstDeadAt >= settings.MinimumSpan);
        return current with
        {
            State = declared ? DeclaredHealth.Dead : current.State,
            Since = declared ? (current.State == DeclaredHealth.Dead ? current.Since : firstDeadAt) : current.Since,
            DeadRun = run,
            FirstDeadAt = firstDeadAt,
            LastDeadAt = at,
            LastConclusiveAt = at,
        };
    }
}
