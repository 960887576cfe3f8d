using System.Collections.Concurrent;
using SocialWatch.Engagement;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// Keeps the snapshots handed to the scoring port. The port's queue implementation comes with the scoring wiring; until then this
/// is where a test sees what the collectors send, exactly as they send it.
/// </summary>
public sealed class RecordedSnapshots : ISnapshotQueue
{
    private readonly ConcurrentQueue<EngagementSnapshot> recorded = new();

    public IReadOnlyList<EngagementSnapshot> Items => [.. recorded];

    public Task EnqueueAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        foreach (var snapshot in snapshots)
        {
            recorded.Enqueue(snapshot);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Keeps what was reported to the activity-log port (its table implementation comes with the checks wiring).</summary>
public sealed class RecordedActivity : IProfileActivityLog
{
    private readonly ConcurrentQueue<(ProfileKey Profile, DateTimeOffset At, ActivitySource Source)> entries = new();

    public IReadOnlyList<(ProfileKey Profile, DateTimeOffset At, ActivitySource Source)> Entries => [.. entries];

    public Task RecordAsync(ProfileKey profile, DateTimeOffset lastActivityAt, ActivitySource source, CancellationToken cancellationToken)
    {
        entries.Enqueue((profile, lastActivityAt, source));
        return Task.CompletedTask;
    }
}
