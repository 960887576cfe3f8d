using Microsoft.Extensions.Logging;
using SocialWatch.Benchmarks;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Engagement;

/// <summary>A snapshot that can never be scored; the reason is recorded before this is thrown, so its message is poisoned.</summary>
public sealed class SnapshotRejectedException(string businessId, string snapshotId, string reason)
    : Exception($"Snapshot {snapshotId} of business {businessId} can never be scored: {reason}");

/// <summary>
/// Scores one snapshot from the queue. Idempotent: the snapshot is stored under its profile and period (a replay
/// overwrites it), then the profile's history is scored again and every score that changed is saved, then the profile's
/// last activity, then its benchmark state. Write order keeps a valid snapshot safe: it is stored before anything else,
/// and a retry after a failure half-way recomputes and completes the rest (the state is written last, so a state that
/// covers a history means everything before it was done). The scorings of one profile in this instance take turns
/// (<see cref="ProfileScoringTurns"/>): one turn scores every snapshot stored before it read the history, and the scorings
/// of those snapshots waiting behind it then end without a storage operation.
/// </summary>
public sealed partial class SnapshotScoring(
    IProfileStore profiles,
    SnapshotValidator validator,
    ISnapshotStore snapshots,
    IBenchmarkStateStore states,
    IRejectedSnapshotStore rejected,
    ProfileScoringTurns turns,
    HistoryScorer scorer,
    BenchmarkCalculator benchmarks,
    IEnumerable<IProfileActivityLog> activityLogs,
    TimeProvider time,
    ILogger<SnapshotScoring> logger)
{
    /// <summary>
    /// Scorings of one profile in other instances (scale-out) race for its benchmark state: a loser reads again, and
    /// usually finds the winner's state already covers its snapshot; if not, it recomputes after a random pause.
    /// </summary>
    private const int MaxStateAttempts = 20;

    private static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(200);

    public async Task ScoreAsync(EngagementSnapshot snapshot, CancellationToken cancellationToken)
    {
        var profileKey = new ProfileKey(snapshot.BusinessId, snapshot.ProfileId);
        var profile = await profiles.FindAsync(profileKey, cancellationToken);
        var known = profile is null ? new Dictionary<string, Network>() : new Dictionary<string, Network> { [profile.Value.Id] = profile.Value.Network };
        var errors = validator.Validate(snapshot, "$", known);
        if (errors.Count > 0)
        {
            await RejectAsync(snapshot, string.Join("; ", errors), cancellationToken);
        }

        using var turn = turns.Join(profileKey);
        await snapshots.UpsertAsync(new ScoredSnapshot(snapshot, null), cancellationToken);
        turn.SnapshotStored();
        await turn.WaitAsync(cancellationToken);
        if (turn.IsCovered)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await TryUpdateProfileAsync(profileKey, snapshot.Network, turn, cancellationToken))
            {
                return;
            }

            if (attempt == MaxStateAttempts)
            {
                throw new InvalidOperationException($"The benchmark state of profile {snapshot.ProfileId} changed under {MaxStateAttempts} scorings in a row; the message will be retried.");
            }

            // Random, so that racing scorings of one profile stop meeting at the same moment.
            await Task.Delay(MaxPause * Random.Shared.NextDouble() * Math.Min(attempt, 5) / 5, time, cancellationToken);
        }
    }

    /// <summary>
    /// Scores the profile's history, saves the scores that changed, the profile's last activity and the benchmark state,
    /// unless another instance changed the state since it was read (false: try again with the history as it is now).
    /// Writes no scores and no state when every score is current and the state was computed from this very history
    /// (another scoring did the work). Done, it tells the turn which snapshots its history held.
    /// </summary>
    private async Task<bool> TryUpdateProfileAsync(ProfileKey profileKey, Network network, ProfileScoringTurns.ProfileTurn turn, CancellationToken cancellationToken)
    {
        var current = turn.Written ?? (await states.FindAsync(profileKey, cancellationToken) is { } found ? new WrittenState(found.Value.HistoryFingerprint, found.Version) : null);
        // As late as possible: the snapshots stored while the state was read are covered too.
        var storedBeforeRead = turn.StoredBeforeRead();
        var history = await snapshots.ListProfileAsync(profileKey.BusinessId, profileKey.ProfileId, cancellationToken);
        var ordered = history.Select(h => h.Snapshot).OrderBy(s => s.PeriodStart).ToList();
        var scores = scorer.ScoreAll(ordered, responseTimeTarget: null);
        var stored = history.ToDictionary(h => h.Snapshot.PeriodStart, h => h.ScoresFingerprint);
        var changed = scores.Where(s => stored[s.PeriodStart] != Fingerprints.Scores(s)).ToList();
        var historyFingerprint = Fingerprints.History(ordered);
        if (changed.Count > 0)
        {
            await snapshots.SaveScoresAsync(profileKey.BusinessId, changed, cancellationToken);
        }

        // Before the state: a state that covers this history means its activity was recorded (older times change nothing).
        await RecordLatestActivityAsync(profileKey, ordered, cancellationToken);
        if (changed.Count == 0 && current?.HistoryFingerprint == historyFingerprint)
        {
            turn.Completed(storedBeforeRead);
            return true;
        }

        var state = new BenchmarkState(
            profileKey.BusinessId,
            profileKey.ProfileId,
            network,
            scores.Count,
            scores[0].PeriodStart,
            scores.Max(s => s.PeriodEnd),
            benchmarks.ForProfile(scores),
            historyFingerprint,
            time.GetUtcNow());
        var written = current is null
            ? await states.InsertAsync(state, cancellationToken)
            : await states.ReplaceAsync(state, current.Version, cancellationToken);
        if (written.Status != WriteStatus.Written)
        {
            LogStateRace(profileKey.BusinessId, profileKey.ProfileId);
            turn.Written = null;
            return false;
        }

        turn.Written = new WrittenState(historyFingerprint, written.Version!);
        turn.Completed(storedBeforeRead);
        return true;
    }

    /// <summary>The end of the latest period with posts in the history, once per turn rather than once per snapshot.</summary>
    private async Task RecordLatestActivityAsync(ProfileKey profileKey, IReadOnlyList<EngagementSnapshot> ordered, CancellationToken cancellationToken)
    {
        if (ordered.LastOrDefault(s => s.Posts > 0) is not { } latest)
        {
            return;
        }

        var lastActivity = new DateTimeOffset(latest.PeriodEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var log in activityLogs)
        {
            await log.RecordAsync(profileKey, lastActivity, ActivitySource.Snapshot, cancellationToken);
        }
    }

    private async Task RejectAsync(EngagementSnapshot snapshot, string reason, CancellationToken cancellationToken)
    {
        await rejected.UpsertAsync(new RejectedSnapshot(snapshot.BusinessId, snapshot.SnapshotId, snapshot.ProfileId, snapshot.PeriodStart, snapshot.PeriodEnd, reason, time.GetUtcNow()), cancellationToken);
        LogRejected(snapshot.BusinessId, snapshot.SnapshotId, reason);
        throw new SnapshotRejectedException(snapshot.BusinessId, snapshot.SnapshotId, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot {SnapshotId} of business {BusinessId} rejected: {Reason}")]
    private partial void LogRejected(string businessId, string snapshotId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Benchmark state of {BusinessId}/{ProfileId} changed while scoring; scoring again")]
    private partial void LogStateRace(string businessId, string profileId);
}
