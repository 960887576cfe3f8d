using System.Web;
using Microsoft.Extensions.Options;

namespace SocialWatch.Collectors.Mastodon;

/// <summary>
/// Reads Mastodon's public API answers: an account (lookup or accounts/:id) gives followers, statuses and the life signals
/// (suspended, moved, memorial; 404 not found, 410 gone); a statuses page gives items, boosts told apart by a non-null reblog.
/// Merge them with <see cref="CollectedActivity.Then"/>. The rate-limit headers come back on every result for the caller's pacing.
/// </summary>
public sealed class MastodonReader(IOptions<CollectorOptions> options, TimeProvider time)
{
    public Task<CollectedActivity> ReadAccountAsync(SourceResponse response, CancellationToken cancellationToken) =>
        JsonAnswer.CollectAsync(response, SourceKind.Mastodon, JsonAnswer.Contract(MastodonJsonContext.Default.MastodonAccountJson), options.Value, time,
            Account, cancellationToken);

    public Task<CollectedActivity> ReadStatusesAsync(SourceResponse response, CancellationToken cancellationToken) =>
        JsonAnswer.CollectAsync(response, SourceKind.Mastodon, MastodonStatusesJson.Read, options.Value, time,
            (statuses, latestBelievable) => Statuses(statuses, latestBelievable) with { NextPage = NextMaxId(response.Header("Link")) },
            cancellationToken);

    private static CollectedActivity Account(MastodonAccountJson account, DateTimeOffset latestBelievable)
    {
        if (string.IsNullOrEmpty(account.Id))
        {
            return CollectedActivity.Failed(SourceKind.Mastodon, CollectionErrorKind.Unrecognised, "Not a Mastodon account: the answer has no id.");
        }

        return new CollectedActivity
        {
            Source = SourceKind.Mastodon,
            // A suspended account's "moved" is null (the docs say so); moved outranks memorial, which a moved account cannot be.
            Life = account.Suspended == true ? LifeSignal.Suspended
                : account.Moved is not null ? LifeSignal.Moved
                : account.Memorial == true ? LifeSignal.Memorial
                : LifeSignal.Alive,
            MovedTo = account.Moved is { } moved ? moved.Url ?? moved.Acct : null,
            Profile = new ProfileFacts
            {
                SourceId = account.Id,
                DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? account.Acct : account.DisplayName,
                Followers = account.FollowersCount,
                Following = account.FollowingCount,
                Posts = account.StatusesCount,
                Limited = account.Limited == true,
            },
            ReportedLastActivity = SourceDates.Believable(SourceDates.ParseDateOrDateTime(account.LastStatusAt), latestBelievable),
        };
    }

    private static CollectedActivity Statuses(List<MastodonStatusJson?> statuses, DateTimeOffset latestBelievable)
    {
        var items = new List<CollectedItem>(statuses.Count);
        foreach (var status in statuses)
        {
            if (status is null)
            {
                continue;
            }

            items.Add(new CollectedItem
            {
                Id = string.IsNullOrEmpty(status.Id) ? $"#{items.Count + 1}" : status.Id,
                Published = SourceDates.Believable(status.CreatedAt, latestBelievable),
                IsOriginal = status.Reblog is null,
                Replies = status.RepliesCount,
                Reposts = status.ReblogsCount,
                Likes = status.FavouritesCount,
            });
        }

        return new CollectedActivity { Source = SourceKind.Mastodon, Items = items };
    }

    /// <summary>
    /// The max_id of the Link header's rel="next" page. Only the id is kept, never the address: the caller builds the next request
    /// itself, so a hostile server cannot point the collector at another host.
    /// </summary>
    internal static string? NextMaxId(string? link)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        foreach (var part in link.Split(',', StringSplitOptions.TrimEntries))
        {
            var open = part.IndexOf('<', StringComparison.Ordinal);
            var close = part.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            // RFC 8288 allows rel=next and rel="next", with spaces around the parameters.
            var parameters = part[(close + 1)..].Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal);
            if (!parameters.Contains(";rel=next", StringComparison.OrdinalIgnoreCase)
                || !Uri.TryCreate(part[(open + 1)..close], UriKind.Absolute, out var next))
            {
                continue;
            }

            return HttpUtility.ParseQueryString(next.Query)["max_id"] is { Length: > 0 } maxId ? maxId : null;
        }

        return null;
    }
}
