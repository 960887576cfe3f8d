using System.Net;
using Microsoft.Extensions.Options;

namespace SocialWatch.Collectors.Bluesky;

/// <summary>
/// Reads the public Bluesky AppView: getProfile gives followers and posts (a "!takedown" label means taken down), and its HTTP 400
/// errors are life signals (AccountTakedown, AccountDeactivated, "Profile not found"); getAuthorFeed gives posts with replies,
/// reposts, likes and quotes, the profile's own reposts told apart by reason app.bsky.feed.defs#reasonRepost, and a cursor.
/// Merge them with <see cref="CollectedActivity.Then"/>.
/// </summary>
public sealed class BlueskyReader(IOptions<CollectorOptions> options, TimeProvider time)
{
    private const string RepostReason = "app.bsky.feed.defs#reasonRepost";
    private const string TakedownLabel = "!takedown";

    public Task<CollectedActivity> ReadProfileAsync(SourceResponse response, CancellationToken cancellationToken) =>
        Read(response, JsonAnswer.Contract(BlueskyJsonContext.Default.BlueskyProfileJson), Profile, cancellationToken);

    public Task<CollectedActivity> ReadAuthorFeedAsync(SourceResponse response, CancellationToken cancellationToken) =>
        Read(response, BlueskyAuthorFeedReader.Read, AuthorFeed, cancellationToken);

    private Task<CollectedActivity> Read<T>(
        SourceResponse response, JsonParse<T> parse, Func<T, DateTimeOffset, CollectedActivity> map,
        CancellationToken cancellationToken)
        where T : class =>
        response.Status == HttpStatusCode.BadRequest
            ? JsonAnswer.ReadBodyAsync(response, SourceKind.Bluesky, JsonAnswer.Contract(BlueskyJsonContext.Default.BlueskyErrorJson), options.Value, time,
                (error, _) => Error(error), cancellationToken)
            : JsonAnswer.CollectAsync(response, SourceKind.Bluesky, parse, options.Value, time, map, cancellationToken);

    private static CollectedActivity Error(BlueskyErrorJson error) => error switch
    {
        { Error: "AccountTakedown" } => Life(LifeSignal.TakenDown),
        { Error: "AccountDeactivated" } => Life(LifeSignal.Deactivated),
        { Message: { } message } when message.Equals("Profile not found", StringComparison.OrdinalIgnoreCase)
            || message.Equals("Actor not found", StringComparison.OrdinalIgnoreCase) => Life(LifeSignal.NotFound),
        _ => CollectedActivity.Failed(SourceKind.Bluesky, CollectionErrorKind.UnexpectedStatus, $"HTTP 400 {error.Error}: {error.Message}"),
    };

    private static CollectedActivity Life(LifeSignal life) => new() { Source = SourceKind.Bluesky, Life = life };

    private static CollectedActivity Profile(BlueskyProfileJson profile, DateTimeOffset latestBelievable)
    {
        if (string.IsNullOrEmpty(profile.Did))
        {
            return CollectedActivity.Failed(SourceKind.Bluesky, CollectionErrorKind.Unrecognised, "Not a Bluesky profile: the answer has no did.");
        }

        var takenDown = profile.Labels?.Any(label => label is { Val: TakedownLabel } && label.Neg != true) == true;
        return new CollectedActivity
        {
            Source = SourceKind.Bluesky,
            Life = takenDown ? LifeSignal.TakenDown : LifeSignal.Alive,
            Profile = new ProfileFacts
            {
                SourceId = profile.Did,
                DisplayName = string.IsNullOrWhiteSpace(profile.DisplayName) ? profile.Handle : profile.DisplayName,
                Followers = profile.FollowersCount,
                Following = profile.FollowsCount,
                Posts = profile.PostsCount,
            },
        };
    }

    private static CollectedActivity AuthorFeed(BlueskyAuthorFeedJson page, DateTimeOffset latestBelievable)
    {
        var items = new List<CollectedItem>(page.Feed?.Count ?? 0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in page.Feed ?? [])
        {
            if (entry?.Post is not { } post)
            {
                continue;
            }

            var repost = entry.Reason?.Type == RepostReason;
            var id = (repost ? "repost:" : string.Empty) + (post.Uri ?? $"#{items.Count + 1}");
            if (!seen.Add(id))
            {
                continue; // a pinned post can appear twice: pinned first, then in its place
            }

            items.Add(new CollectedItem
            {
                Id = id,
                // A repost's time is when the profile reposted; a post's is its createdAt unless absent or in the future (clocks
                // and imported posts lie), then when the AppView indexed it.
                Published = repost
                    ? SourceDates.Believable(entry.Reason!.IndexedAt, latestBelievable)
                    : SourceDates.Believable(post.Record?.CreatedAt, latestBelievable)
                        ?? SourceDates.Believable(post.IndexedAt, latestBelievable),
                IsOriginal = !repost,
                Replies = post.ReplyCount,
                Reposts = post.RepostCount,
                Likes = post.LikeCount,
                Quotes = post.QuoteCount,
            });
        }

        return new CollectedActivity
        {
            Source = SourceKind.Bluesky,
            Items = items,
            NextPage = string.IsNullOrEmpty(page.Cursor) ? null : page.Cursor,
        };
    }
}
