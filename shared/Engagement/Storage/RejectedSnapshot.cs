using SocialWatch.Storage;

namespace SocialWatch.Engagement.Storage;

/// <summary>A snapshot that can never be scored, with the reason; its queue message goes to the poison queue.</summary>
public sealed record RejectedSnapshot(string BusinessId, string SnapshotId, string ProfileId, DateOnly PeriodStart, DateOnly PeriodEnd, string Reason, DateTimeOffset RejectedAt);

/// <summary>Identifies a rejected snapshot: its business, then its id.</summary>
public readonly record struct RejectedSnapshotKey(string BusinessId, string SnapshotId);

public interface IRejectedSnapshotStore : IRecordStore<RejectedSnapshotKey, RejectedSnapshot>;
