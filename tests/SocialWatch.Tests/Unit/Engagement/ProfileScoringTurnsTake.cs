using SocialWatch.Engagement;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Engagement;

/// <summary>Turns of one profile's scorings in one instance: one at a time, profiles apart, forgotten when idle, coverage by a completed turn.</summary>
public sealed class ProfileScoringTurnsTake
{
    private static readonly ProfileKey Rose = new("b", "rose");
    private static readonly ProfileKey Tulip = new("b", "tulip");
    private readonly ProfileScoringTurns turns = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LetsOneScoringOfAProfileInAtATimeAndOtherProfilesMeanwhile()
    {
        var first = turns.Join(Rose);
        await first.WaitAsync(Cancel);
        using var second = turns.Join(Rose);
        using var other = turns.Join(Tulip);

        var waiting = second.WaitAsync(Cancel);
        await other.WaitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(5), Cancel);
        await Task.Delay(50, Cancel);
        Assert.False(waiting.IsCompleted);

        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
    }

    [Fact]
    public async Task ForgetsAProfileWhenItsLastScoringEndsHoweverItEnds()
    {
        var holder = turns.Join(Rose);
        await holder.WaitAsync(Cancel);
        var cancelled = turns.Join(Rose);
        using var giveUp = new CancellationTokenSource();
        var waiting = cancelled.WaitAsync(giveUp.Token);
        var failed = turns.Join(Tulip);
        Assert.Equal(2, turns.ActiveProfiles);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        cancelled.Dispose();
        failed.Dispose();
        Assert.Equal(1, turns.ActiveProfiles);
        holder.Dispose();
        holder.Dispose();

        Assert.Equal(0, turns.ActiveProfiles);
        using var again = turns.Join(Rose);
        await again.WaitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(5), Cancel);
    }

    [Fact]
    public async Task CoversAScoringWhoseSnapshotWasStoredBeforeACompletedTurnReadTheHistory()
    {
        var first = turns.Join(Rose);
        using var storedBefore = turns.Join(Rose);
        using var storedAfter = turns.Join(Rose);
        first.SnapshotStored();
        storedBefore.SnapshotStored();
        await first.WaitAsync(Cancel);
        var read = first.StoredBeforeRead();
        storedAfter.SnapshotStored();

        Assert.False(storedBefore.IsCovered);
        first.Completed(read);
        first.Dispose();

        await storedBefore.WaitAsync(Cancel);
        Assert.True(storedBefore.IsCovered);
        Assert.False(storedAfter.IsCovered);
    }

    [Fact]
    public void NeverCoversAScoringThatStoredNothing()
    {
        using var first = turns.Join(Rose);
        using var failedToStore = turns.Join(Rose);
        first.SnapshotStored();
        first.Completed(first.StoredBeforeRead());

        Assert.False(failedToStore.IsCovered);
    }
}
