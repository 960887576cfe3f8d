using SocialWatch.Collectors;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class CollectedActivityThen
{
    private static readonly DateTimeOffset Day = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CountsRepostsAsActivityButNotAsPosts()
    {
        var activity = new CollectedActivity
        {
            Source = SourceKind.Bluesky,
            Items = [new CollectedItem { Id = "repost", Published = Day.AddDays(2), IsOriginal = false }, new CollectedItem { Id = "post", Published = Day }],
        };

        Assert.Equal(Day.AddDays(2), activity.LastActivity);
        Assert.Equal(Day, activity.LastPost);
    }

    [Fact]
    public void KeepsTheWorstLifeSignalAndTheFirstError()
    {
        var alive = new CollectedActivity { Source = SourceKind.Mastodon, Profile = new ProfileFacts { Followers = 5 } };
        var suspended = new CollectedActivity { Source = SourceKind.Mastodon, Life = LifeSignal.Suspended };
        var failed = CollectedActivity.Failed(SourceKind.Mastodon, CollectionErrorKind.TimedOut, "slow");

        var merged = alive.Then(suspended).Then(failed).Then(alive);

        Assert.Equal(LifeSignal.Suspended, merged.Life);
        Assert.Equal(CollectionStatus.Failed, merged.Status);
        Assert.Equal("slow", merged.Error?.Message);
        Assert.Equal(5, merged.Profile.Followers);
    }

    [Fact]
    public void IsUnchangedOnlyWhenEveryPartIsUnchanged()
    {
        var unchanged = new CollectedActivity { Source = SourceKind.Feed, Status = CollectionStatus.Unchanged };
        var collected = new CollectedActivity { Source = SourceKind.Feed };

        Assert.Equal(CollectionStatus.Unchanged, unchanged.Then(unchanged).Status);
        Assert.Equal(CollectionStatus.Collected, unchanged.Then(collected).Status);
    }
}
