using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Businesses;
using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Plans;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// What a run of a sweep's fan-out did: the sweep's id, whether the canary voided it (and why), how many checks it has
/// enqueued so far, and whether a continue-sweep message carries the rest on.
/// </summary>
public sealed record SweepSummary(string SweepId, bool IsVoid, string? VoidReason, int Enqueued, bool Continued = false);

/// <summary>
/// Finds the profiles that are due and enqueues one check each; checks nothing itself but the connectivity canary. If the
/// canary is not alive the sweep is void: nothing is enqueued. Reads per business: its profiles (one partition query), their
/// health (one partition query), and when any is due its plan (one read), link audit and the collectors' life signals (one
/// partition query each), so that each message carries all its check needs: the health (written back without a read), the
/// life signal, and whom an email goes to (so a transition reads no business, plan, profile or link audit).
/// The fan-out is paced: it keeps about <see cref="SweepOptions.QueuedChecksTarget"/> checks on the queue rather than all of
/// them, and a run that reaches <see cref="SweepOptions.FanOutBudget"/> hands the rest to a continue-sweep message, so a
/// timer run stays bounded however many profiles there are.
/// </summary>
public sealed partial class ProfileSweep(
    ConnectivityCanary canary,
    SweepGuard guard,
    IBusinessStore businesses,
    IProfileStore profiles,
    IProfileHealthStore health,
    IPlanStore plans,
    IProfileLifeSignals lifeSignals,
    ILinkAuditStore linkAudits,
    SweepStore sweeps,
    CheckQueue queue,
    SweepContinuationQueue continuations,
    TimeProvider time,
    IOptions<SweepOptions> options,
    ILogger<ProfileSweep> logger)
{
    public async Task<SweepSummary> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var sweepId = $"{startedAt.UtcDateTime:yyyyMMddTHHmmss}-{Guid.CreateVersion7(startedAt):N}";
        var canaryResult = await canary.CheckAsync(cancellationToken);
        var verdict = guard.Evaluate(canaryResult, 0, 0);
        var sweep = new SweepRecord(sweepId, startedAt, CheckSummary.Of(canaryResult), Expected: null, verdict.IsVoid ? verdict.Reason : null);
        await sweeps.SaveAsync(sweep, cancellationToken);
        if (verdict.IsVoid)
        {
            LogVoid(sweepId, verdict.Reason);
            return new SweepSummary(sweepId, true, verdict.Reason, 0);
        }

        return await FanOutAsync(sweep, new SweepContinuation(sweepId, SweepCursor.Start, 0), cancellationToken);
    }

    /// <summary>Carries a sweep's fan-out on from where the last run stopped; a replayed message of a finished sweep does nothing.</summary>
    public async Task<SweepSummary> ContinueAsync(SweepContinuation continuation, CancellationToken cancellationToken)
    {
        var sweep = await sweeps.FindAsync(continuation.SweepId, cancellationToken)
            ?? throw new InvalidOperationException($"Sweep {continuation.SweepId} has no record: its continue-sweep message cannot be carried on.");
        if (sweep.Expected is { } expected)
        {
            LogAlreadyFinished(sweep.Id);
            return new SweepSummary(sweep.Id, false, null, expected);
        }

        return await FanOutAsync(sweep, continuation, cancellationToken);
    }

    /// <summary>
    /// Enqueues the due checks of business after business from the cursor on. The budget is looked at after each business,
    /// so every run moves on by at least one; a run that ends early sends its continuation before it returns (if that send
    /// fails, the run fails and the message or timer that started it tries again: checks enqueued twice are applied once,
    /// as their health writes are conditional).
    /// </summary>
    private async Task<SweepSummary> FanOutAsync(SweepRecord sweep, SweepContinuation from, CancellationToken cancellationToken)
    {
        var budgetEnds = time.GetUtcNow() + options.Value.FanOutBudget;
        var pacing = new QueuePacing(queue, time, options.Value);
        var (cursor, enqueued) = (from.Cursor, from.Enqueued);
        while (true)
        {
            var page = await businesses.ListActiveAsync(options.Value.BusinessPageSize, cursor.Page, cancellationToken);
            var left = page.Items.Where(b => !cursor.IsPast(b.Value.Id)).ToArray();
            for (var i = 0; i < left.Length; i++)
            {
                var due = await DueChecksAsync(sweep.Id, left[i].Value, sweep.StartedAt, cancellationToken);
                await pacing.SendAsync(due, cancellationToken);
                enqueued += due.Count;
                cursor = cursor with { LastDone = left[i].Value.Id };
                if (time.GetUtcNow() >= budgetEnds && (i < left.Length - 1 || page.Continuation is not null))
                {
                    await continuations.SendAsync(new SweepContinuation(sweep.Id, cursor, enqueued), cancellationToken);
                    LogContinued(sweep.Id, enqueued);
                    return new SweepSummary(sweep.Id, false, null, enqueued, Continued: true);
                }
            }

            if (page.Continuation is null)
            {
                break;
            }

            cursor = new SweepCursor(page.Continuation, null);
        }

        await sweeps.SaveAsync(sweep with { Expected = enqueued }, cancellationToken);
        LogEnqueued(sweep.Id, enqueued);
        return new SweepSummary(sweep.Id, false, null, enqueued);
    }

    private async Task<IReadOnlyList<CheckProfileMessage>> DueChecksAsync(string sweepId, Business business, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var businessId = business.Id;
        var all = await profiles.ListAsync(businessId, cancellationToken);
        if (all.Count == 0)
        {
            return [];
        }

        var known = (await health.ListAsync(businessId, cancellationToken)).ToDictionary(h => h.Value.ProfileId, StringComparer.Ordinal);
        var due = all.Select(p => p.Value).Where(p => !known.TryGetValue(p.Id, out var h) || h.Value.IsDue(now)).ToArray();
        if (due.Length == 0)
        {
            return [];
        }

        var plan = (await plans.FindAsync(businessId, cancellationToken))?.Value;
        var signals = await lifeSignals.ListAsync(businessId, due, cancellationToken);
        var links = (await linkAudits.ListAsync(businessId, cancellationToken)).Select(l => l.Value).ToArray();
        return due
            .Select(p => new CheckProfileMessage(
                    sweepId, businessId, p.Id, new Uri(p.Url), p.Network, plan.PostsPerWeek(p.Network),
                    LifeSignal: signals.TryGetValue(p.Id, out var signal) ? CheckSummary.Of(signal) : null)
                .Carrying(known.TryGetValue(p.Id, out var h) ? new KnownHealth(h.Value, h.Version) : new KnownHealth(null, null), AlertAddress.Of(business, plan, p, links)))
            .ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId} enqueued nothing: {Reason}")]
    private partial void LogVoid(string sweepId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} enqueued {Count} profile checks")]
    private partial void LogEnqueued(string sweepId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} enqueued {Count} profile checks so far; a continue-sweep message carries the fan-out on")]
    private partial void LogContinued(string sweepId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} had already enqueued all its checks: a replayed continue-sweep message, nothing to do")]
    private partial void LogAlreadyFinished(string sweepId);
}
