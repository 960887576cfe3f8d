using Microsoft.Azure.Functions.Worker;
using SocialWatch.Engagement;

namespace SocialWatch.Functions;

/// <summary>Queue "score-snapshot": stores one snapshot with its scores and the profile's benchmark state.</summary>
public sealed class ScoreSnapshot(SnapshotScoring scoring)
{
    [Function(nameof(ScoreSnapshot))]
    public Task Run([QueueTrigger("score-snapshot")] string message, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(SnapshotQueue.Read(message), cancellationToken);
}
