using SocialWatch.Engagement.Scoring;
using SocialWatch.Storage;

namespace SocialWatch.Engagement.Storage;

/// <summary>Where a snapshot sits: its business, then its profile and the first day of its period.</summary>
public readonly record struct SnapshotKey(string BusinessId, string ProfileId, DateOnly PeriodStart)
{
    public static SnapshotKey Of(EngagementSnapshot snapshot) => new(snapshot.BusinessId, snapshot.ProfileId, snapshot.PeriodStart);
}

/// <summary>
/// A stored snapshot and its scores. <see cref="Scores"/> is null between the two writes of scoring (the snapshot is
/// written first, so it is never lost; its scores follow) and for a snapshot replaced by a newer send of its period.
/// </summary>
public sealed record ScoredSnapshot(EngagementSnapshot Snapshot, SnapshotScores? Scores);

/// <summary>
/// A business's snapshots, one per profile and period start (sending a period again replaces it), each with its scores.
/// <see cref="IRecordStore{TKey, TRecord}.UpsertAsync"/> stores a snapshot without scores (dropping stale ones).
/// </summary>
public interface ISnapshotStore : IRecordStore<SnapshotKey, ScoredSnapshot>
{
    /// <summary>One profile's snapshots, oldest first: one range query in the business's partition.</summary>
    Task<IReadOnlyList<ScoredSnapshot>> ListProfileAsync(string businessId, string profileId, CancellationToken cancellationToken);

    /// <summary>Sets the scores of snapshots of one business (transactions of 100), leaving the snapshots as they are.</summary>
    Task SaveScoresAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken);
}
