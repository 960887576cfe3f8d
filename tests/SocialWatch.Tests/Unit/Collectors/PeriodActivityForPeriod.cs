using SocialWatch.Collectors;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class PeriodActivityForPeriod
{
    private static readonly DateTimeOffset WeekStart = new(2026, 11, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WeekEnd = WeekStart.AddDays(7);

    private static CollectedItem Post(string id, DateTimeOffset? published, long likes = 0, long replies = 0, long reposts = 0, long? quotes = null, long? views = null, bool original = true) =>
        new() { Id = id, Published = published, Likes = likes, Replies = replies, Reposts = reposts, Quotes = quotes, Views = views, IsOriginal = original };

    [Fact]
    public void CountsOwnPostsInTheWeekAndTheirEngagement()
    {
        var activity = new CollectedActivity
        {
            Source = SourceKind.Bluesky,
            Items =
            [
                Post("before", WeekStart.AddTicks(-1), likes: 1000),
                Post("first-moment", WeekStart, likes: 10, replies: 2, reposts: 3, quotes: 1),
                Post("midweek", WeekStart.AddDays(3), likes: 5, replies: 1, reposts: 0),
                Post("repost-made", WeekStart.AddDays(4), likes: 5000, replies: 300, reposts: 900, original: false),
                Post("undated", null, likes: 7),
                Post("at-the-end", WeekEnd, likes: 1000),
            ],
        };

        var week = activity.ForPeriod(WeekStart, WeekEnd);

        Assert.Equal(2, week.Posts);
        Assert.Equal(1, week.RepostsMade);
        Assert.Equal(15, week.Reactions);
        Assert.Equal(3, week.Comments);
        Assert.Equal(4, week.Shares);
        Assert.Null(week.Views);
        Assert.Equal(1, week.UndatedItems);
        Assert.Equal(WeekStart.AddDays(4), week.LastActivity);
    }

    [Fact]
    public void SumsViewsWhereTheSourceHasThem()
    {
        var activity = new CollectedActivity
        {
            Source = SourceKind.YouTube,
            Items = [Post("a", WeekStart.AddDays(1), views: 100), Post("b", WeekStart.AddDays(2)), Post("c", WeekStart.AddDays(2), views: 0)],
        };

        Assert.Equal(100, activity.ForPeriod(WeekStart, WeekEnd).Views);
    }

    [Fact]
    public void TakesTheLastActivityBeforeThePeriodsEndFromItemsOrTheSourcesOwnStatement()
    {
        var quiet = new CollectedActivity
        {
            Source = SourceKind.Mastodon,
            ReportedLastActivity = WeekStart.AddDays(-20),
            Items = [Post("old", WeekStart.AddDays(-30)), Post("later-than-the-period", WeekEnd.AddDays(1))],
        };

        var week = quiet.ForPeriod(WeekStart, WeekEnd);

        Assert.Equal(0, week.Posts);
        Assert.Equal(WeekStart.AddDays(-20), week.LastActivity);
    }

    [Fact]
    public void RefusesAPeriodThatEndsBeforeItStarts()
    {
        var activity = new CollectedActivity { Source = SourceKind.Feed };

        Assert.Throws<ArgumentException>(() => activity.ForPeriod(WeekEnd, WeekStart));
    }
}
