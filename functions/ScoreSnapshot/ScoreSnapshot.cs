using SocialWatch.Engagement;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>Queue "score-snapshot": stores one snapshot with its scores and the profile's benchmark state.</summary>
public sealed class ScoreSnapshot(SnapshotScoring scoring) : IQueueFunction
{
    public const string Name = nameof(ScoreSnapshot);

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(SnapshotQueue.Read(message.Body), cancellationToken);
}
