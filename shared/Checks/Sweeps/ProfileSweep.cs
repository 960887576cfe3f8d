using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Businesses;
using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Plans;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Sweeps;

/// <summary>What a sweep did: its id, whether the canary voided it (and why), how many checks it enqueued.</summary>
public sealed record SweepSummary(string SweepId, bool IsVoid, string? VoidReason, int Enqueued);

/// <summary>
/// Finds the profiles that are due and enqueues one check each; checks nothing itself but the connectivity canary. If the
/// canary is not alive the sweep is void: nothing is enqueued. Reads per business: its profiles (one partition query), their
/// health (one partition query), and when any is due its plan (one read), link audit and the collectors' life signals (one
/// partition query each), so that each message carries all its check needs: the health (written back without a read), the
/// life signal, and whom an email goes to (so a transition reads no business, plan, profile or link audit).
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

        var enqueued = 0;
        string? continuation = null;
        do
        {
            var page = await businesses.ListActiveAsync(options.Value.BusinessPageSize, continuation, cancellationToken);
            foreach (var business in page.Items)
            {
                var due = await DueChecksAsync(sweepId, business.Value, startedAt, cancellationToken);
                await Parallel.ForEachAsync(
                    due,
                    new ParallelOptions { MaxDegreeOfParallelism = options.Value.EnqueueConcurrency, CancellationToken = cancellationToken },
                    async (message, token) => await queue.SendAsync(message, delay: null, token));
                enqueued += due.Count;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        await sweeps.SaveAsync(sweep with { Expected = enqueued }, cancellationToken);
        LogEnqueued(sweepId, enqueued);
        return new SweepSummary(sweepId, false, null, enqueued);
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
}
