using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Staleness;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>What one CheckProfile run did.</summary>
public enum CheckRunOutcome
{
    /// <summary>The result was applied to the profile's health.</summary>
    Applied,

    /// <summary>The sweep is void: nothing changed (the log says why).</summary>
    Void,

    /// <summary>The network asked us to wait: the result was applied and the check held until the retry time.</summary>
    Held,
}

/// <summary>
/// Checks one profile and applies the result: the sweep's outage guard first (a void sweep changes nothing), then the
/// dead-declaration policy (the collectors' life signal carried by the message weighs like one more result), staleness
/// against the plan's cadence, the alert policy, and at most one email per transition (recorded in the outbox before the
/// ETag-conditional health write, so a lost race or a retry cannot send it twice).
/// Storage: the usual check writes the health the message carries back at its version (one operation); only a changed
/// health (412) or a transition reads it first, so an email is never decided on a copy that may be stale.
/// </summary>
public sealed partial class ProfileCheckRunner(
    ProfileChecker checker,
    SweepTallies tallies,
    SweepGuard guard,
    DeadDeclarationPolicy deadPolicy,
    StalenessEvaluator staleness,
    IProfileHealthStore health,
    ProfileAlerts alerts,
    HeldChecks held,
    TimeProvider time,
    IOptions<SweepOptions> sweepOptions,
    IOptions<DeadDeclarationOptions> deadOptions,
    IOptions<AlertOptions> alertOptions,
    ILogger<ProfileCheckRunner> logger)
{
    public async Task<CheckRunOutcome> RunAsync(CheckProfileMessage message, CancellationToken cancellationToken)
    {
        var result = await checker.CheckAsync(new ProfileTarget(message.Url, message.Network), cancellationToken);
        var tally = await tallies.RecordAsync(message.SweepId, result.Class, cancellationToken);
        var sweep = guard.Evaluate(tally.Canary, tally.Results, tally.Transient);
        if (sweep.IsVoid)
        {
            LogVoid(message.BusinessId, message.ProfileId, result.Class, message.SweepId, sweep.Reason);
            return CheckRunOutcome.Void;
        }

        var isHeld = result.Class == CheckClass.RateLimited;
        if (isHeld)
        {
            await held.HoldAsync(message, RetryAt(result), cancellationToken);
        }

        if (!await WriteCarriedAsync(message, result, cancellationToken))
        {
            await health.UpdateAsync(message.Profile, current => ApplyAsync(current, result, message, cancellationToken), cancellationToken);
        }

        return isHeld ? CheckRunOutcome.Held : CheckRunOutcome.Applied;
    }

    /// <summary>
    /// Applies the result to the health the message carries and writes it at that version, when that calls for no email;
    /// false when the health was not carried, calls for an email, or changed since the fan-out (the caller reads it then).
    /// </summary>
    private async Task<bool> WriteCarriedAsync(CheckProfileMessage message, CheckResult result, CancellationToken cancellationToken)
    {
        if (message.Health is not { } carried)
        {
            return false;
        }

        var (next, decision) = Decide(carried.Stored ?? ProfileHealth.New(message.Profile), result, message);
        if (decision is not null)
        {
            return false;
        }

        var written = await health.WriteGroupedAsync(next, carried.Stored is null ? null : carried.Version, cancellationToken);
        return written.Status == WriteStatus.Written;
    }

    /// <summary>The health after the result; records the email a transition calls for first (idempotent: the outbox dedupes).</summary>
    private async Task<ProfileHealth?> ApplyAsync(ProfileHealth current, CheckResult result, CheckProfileMessage message, CancellationToken cancellationToken)
    {
        var (next, decision) = Decide(current, result, message);
        if (decision is not null)
        {
            await alerts.RecordAsync(message.Profile, message.Network, message.Url, message.Address, next, decision, message.PostsPerWeek, time.GetUtcNow(), cancellationToken);
            LogTransition(message.BusinessId, message.ProfileId, decision.Kind, decision.Condition, decision.DedupeKey);
        }

        return next;
    }

    /// <summary>
    /// The health after the life signal (when newer than anything the health knows and older than the result) and the result,
    /// and the email that calls for.
    /// </summary>
    private (ProfileHealth Next, AlertDecision? Decision) Decide(ProfileHealth current, CheckResult result, CheckProfileMessage message)
    {
        var now = time.GetUtcNow();
        var signal = message.LifeSignal?.ToResult(message.Url);
        var weighed = signal is not null && signal.CheckedAt > (current.Verdict.LastConclusiveAt ?? DateTimeOffset.MinValue) && signal.CheckedAt < result.CheckedAt
            ? current.WithCheck(signal) with { Verdict = deadPolicy.Apply(current.Verdict, signal) }
            : current;
        var verdict = deadPolicy.Apply(weighed.Verdict, result);
        var assessment = staleness.Evaluate(current.Activity?.At, message.PostsPerWeek, now);
        var observed = Observe(verdict, assessment, current.Activity, now);
        var (alert, decision) = ProfileAlertPolicy.Decide(message.ProfileId, current.Alert, observed, now, alertOptions.Value);
        return (weighed.WithCheck(result) with { Verdict = verdict, Alert = alert, NextCheckAt = NextCheckAt(verdict, result, now) }, decision);
    }

    /// <summary>
    /// What the owner may be told: dead since the run of dead results began; moved since it was first seen at its new address;
    /// abandoned since the last activity; healthy when the profile answers and is not abandoned; nothing (null) while no
    /// conclusive check exists and it is not abandoned. Unknown activity is never abandoned.
    /// </summary>
    public static ObservedCondition? Observe(HealthVerdict verdict, StalenessAssessment assessment, LastActivity? activity, DateTimeOffset now) =>
        verdict.State switch
        {
            DeclaredHealth.Dead => new ObservedCondition(ProfileCondition.Dead, verdict.Since ?? now),
            DeclaredHealth.Moved => new ObservedCondition(ProfileCondition.Moved, verdict.Since ?? now),
            _ when assessment.State == Staleness.Staleness.Abandoned => new ObservedCondition(ProfileCondition.Abandoned, activity!.At),
            DeclaredHealth.Unknown => null,
            _ => new ObservedCondition(ProfileCondition.Healthy, verdict.Since ?? now),
        };

    /// <summary>
    /// Rate-limited: at the retry time. Transient: at the next sweep. A run of dead results in progress: spaced so that the
    /// results needed to declare it span the minimum time. Otherwise after the check interval.
    /// </summary>
    private DateTimeOffset NextCheckAt(HealthVerdict verdict, CheckResult result, DateTimeOffset now)
    {
        var dead = deadOptions.Value;
        return result.Class switch
        {
            CheckClass.RateLimited => RetryAt(result),
            CheckClass.Transient => now,
            _ when verdict.State != DeclaredHealth.Dead && verdict.DeadRun > 0 =>
                now + (dead.ConsecutiveDeadResults > 1 ? dead.MinimumSpan / (dead.ConsecutiveDeadResults - 1) : TimeSpan.Zero),
            _ => now + sweepOptions.Value.CheckInterval,
        };
    }

    /// <summary>When a rate-limited profile is checked again: as the network said, else after the check interval.</summary>
    private DateTimeOffset RetryAt(CheckResult result) => result.Evidence.RetryAt ?? result.CheckedAt + sweepOptions.Value.CheckInterval;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check of profile {ProfileId} of {BusinessId} ({Class}) not applied: sweep {SweepId} is void: {Reason}")]
    private partial void LogVoid(string businessId, string profileId, CheckClass @class, string sweepId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {ProfileId} of {BusinessId}: {Kind} about {Condition} recorded as {DedupeKey}")]
    private partial void LogTransition(string businessId, string profileId, AlertKind kind, ProfileCondition condition, string dedupeKey);
}
