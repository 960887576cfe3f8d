namespace SocialWatch.Collectors;

/// <summary>
/// The counts for one snapshot period [Start, End) (a week for the scoring queue). Posts are the profile's own; reposts it made are
/// counted apart and bring no engagement, since the likes on someone else's post are not the profile's. Shares add quotes to reposts
/// (both amplify). Engagement numbers are the totals the source shows at collection time for the posts published in the period.
/// </summary>
public sealed record PeriodActivity(
    DateTimeOffset Start,
    DateTimeOffset End,
    int Posts,
    int RepostsMade,
    long Reactions,
    long Comments,
    long Shares,
    long? Views,
    int UndatedItems,
    DateTimeOffset? LastActivity);

public static class PeriodActivityExtensions
{
    public static PeriodActivity ForPeriod(this CollectedActivity activity, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The period must end after it starts ({start:O} to {end:O}).", nameof(end));
        }

        int posts = 0, repostsMade = 0, undated = 0;
        long reactions = 0, comments = 0, shares = 0;
        long? views = null;
        DateTimeOffset? last = activity.ReportedLastActivity < end ? activity.ReportedLastActivity : null;
        foreach (var item in activity.Items)
        {
            if (item.Published is not { } published)
            {
                undated++;
                continue;
            }

            if (published < end && (last is null || published > last))
            {
                last = published;
            }

            if (published < start || published >= end)
            {
                continue;
            }

            if (!item.IsOriginal)
            {
                repostsMade++;
                continue;
            }

            posts++;
            reactions += item.Likes ?? 0;
            comments += item.Replies ?? 0;
            shares += (item.Reposts ?? 0) + (item.Quotes ?? 0);
            if (item.Views is { } itemViews)
            {
                views = (views ?? 0) + itemViews;
            }
        }

        return new PeriodActivity(start, end, posts, repostsMade, reactions, comments, shares, views, undated, last);
    }
}
