using System.Security.Cryptography;
using System.Text.Json;
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
/// A period of a profile's history as scoring reads it: the snapshot and the fingerprint of its stored scores (null when
/// it has none), so that scoring finds the scores that changed without reading every period's scores back.
/// </summary>
public sealed record StoredPeriod(EngagementSnapshot Snapshot, string? ScoresFingerprint);

/// <summary>SHA-256 of JSON (base64, 128 bits kept): equal exactly when the JSON is.</summary>
public static class Fingerprints
{
    public static string Scores(SnapshotScores scores) => Of(JsonSerializer.SerializeToUtf8Bytes(scores, SnapshotJson.Options));

    /// <summary>Of a profile's snapshots in period order: what a benchmark state was computed from.</summary>
    public static string History(IEnumerable<EngagementSnapshot> ordered) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(ordered.ToList(), SnapshotJson.Options));

    /// <summary>Of a set of stored versions (the business's benchmark states): changes when any of them does, or one comes or goes.</summary>
    public static string Versions(IEnumerable<(string Key, string Version)> versions) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new[] { v.Key, v.Version }).ToList(), SnapshotJson.Options));

    private static string Of(byte[] json) => Convert.ToBase64String(SHA256.HashData(json).AsSpan(0, 16));
}

/// <summary>
/// A business's snapshots, one per profile and period start (sending a period again replaces it), each with its scores.
/// <see cref="IRecordStore{TKey, TRecord}.UpsertAsync"/> stores a snapshot without scores (dropping stale ones).
/// </summary>
public interface ISnapshotStore : IRecordStore<SnapshotKey, ScoredSnapshot>
{
    /// <summary>One profile's snapshots, oldest first, without their scores: one range query in the business's partition.</summary>
    Task<IReadOnlyList<StoredPeriod>> ListProfileAsync(string businessId, string profileId, CancellationToken cancellationToken);

    /// <summary>
    /// The scores of every scored snapshot of one business, in row key order (profile, then period), without the snapshots:
    /// one partition query, shared by concurrent readers and kept for the read cache's TTL until a write to the business.
    /// </summary>
    Task<IReadOnlyList<SnapshotScores>> ListScoresAsync(string businessId, CancellationToken cancellationToken);

    /// <summary>Sets the scores of snapshots of one business (transactions of 100), leaving the snapshots as they are.</summary>
    Task SaveScoresAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken);
}
