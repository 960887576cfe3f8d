namespace SocialWatch.Engagement;

/// <summary>
/// Hands validated snapshots to the scoring queue (the ScoreSnapshot function scores them). Both the HTTP ingest and the
/// collectors send through this one port, so every snapshot is scored the same way.
/// </summary>
public interface ISnapshotQueue
{
    Task EnqueueAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken);
}
