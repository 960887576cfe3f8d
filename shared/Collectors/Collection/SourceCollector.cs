using Microsoft.Extensions.Options;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;

namespace SocialWatch.Collectors.Collection;

/// <summary>What to ask a source: the id it gave earlier, validators for a conditional GET, and how far back items are needed.</summary>
public sealed record SourceQuery(string? SourceId, ValidatorSet Validators, DateTimeOffset ReadBackTo);

/// <summary>What a source answered, merged; <see cref="Complete"/> is false when a rate limit cut the reading short.</summary>
public sealed record SourceReading(CollectedActivity Activity, bool Complete);

/// <summary>
/// Runs one collector against its source. Feeds: one GET, conditional on the stored validators. Mastodon: accounts/lookup (or
/// accounts/:id once the id is known), then status pages. Bluesky: getProfile, then author-feed pages. Pages go back until an item
/// older than <see cref="SourceQuery.ReadBackTo"/>, the last page, <see cref="CollectorOptions.MaxPages"/>, or a rate limit that asks
/// for a pause: then the reading stops where it is and the collection is rescheduled instead of waiting.
/// </summary>
public sealed class SourceCollector(
    SourceFetcher fetch, FeedReader feeds, MastodonReader mastodon, BlueskyReader bluesky, IOptions<CollectorOptions> options)
{
    public async Task<SourceReading> ReadAsync(CollectorChoice choice, SourceQuery query, CancellationToken cancellationToken) => choice.Kind switch
    {
        CollectorKind.Feed or CollectorKind.YouTube => new SourceReading(
            await fetch.GetAsync(choice.Feed!, SourceKind.Feed, SourceFetcher.FeedAccept, query.Validators, feeds.ReadAsync, cancellationToken), Complete: true),
        CollectorKind.Mastodon => await ReadMastodonAsync(choice.Mastodon!, query, cancellationToken),
        CollectorKind.Bluesky => await ReadBlueskyAsync(choice.Bluesky!, query, cancellationToken),
        _ => throw new ArgumentException($"No collector reads {choice.Kind} profiles: {choice.Reason}", nameof(choice)),
    };

    private async Task<SourceReading> ReadMastodonAsync(MastodonAccount account, SourceQuery query, CancellationToken cancellationToken)
    {
        var accountUri = query.SourceId is { } id ? account.AccountUri(id) : account.LookupUri;
        var read = await GetJsonAsync(accountUri, SourceKind.Mastodon, mastodon.ReadAccountAsync, cancellationToken);
        return await PagesAsync(read, query, cursor => MastodonAccount.StatusesUri(account.Instance, read.Profile.SourceId!, cursor, options.Value.MastodonPageSize),
            SourceKind.Mastodon, mastodon.ReadStatusesAsync, cancellationToken);
    }

    private async Task<SourceReading> ReadBlueskyAsync(BlueskyActor actor, SourceQuery query, CancellationToken cancellationToken)
    {
        var appView = options.Value.BlueskyAppView;
        var profile = await GetJsonAsync(new BlueskyActor(query.SourceId ?? actor.Id).ProfileUri(appView), SourceKind.Bluesky, bluesky.ReadProfileAsync, cancellationToken);
        return await PagesAsync(profile, query, cursor => new BlueskyActor(profile.Profile.SourceId!).AuthorFeedUri(appView, cursor, options.Value.BlueskyPageSize),
            SourceKind.Bluesky, bluesky.ReadAuthorFeedAsync, cancellationToken);
    }

    private async Task<SourceReading> PagesAsync(
        CollectedActivity profile, SourceQuery query, Func<string?, Uri> pageUri, SourceKind source,
        Func<SourceResponse, CancellationToken, Task<CollectedActivity>> readPage, CancellationToken cancellationToken)
    {
        // Nothing to page through for a profile that is gone, moved or unreadable.
        if (profile.Status == CollectionStatus.Failed || profile.Life is not (LifeSignal.Alive or LifeSignal.Memorial) || profile.Profile.SourceId is null)
        {
            return new SourceReading(profile, Complete: true);
        }

        var result = profile;
        string? cursor = null;
        for (var page = 0; page < options.Value.MaxPages; page++)
        {
            if (fetch.PauseAskedBy(result) is not null)
            {
                return new SourceReading(result with { NextPage = cursor }, Complete: false);
            }

            var next = await GetJsonAsync(pageUri(cursor), source, readPage, cancellationToken);
            result = result.Then(next);
            var oldest = next.Items.Min(item => item.Published);
            if (next.Status == CollectionStatus.Failed || next.NextPage is null || next.Items.Count == 0 || oldest < query.ReadBackTo)
            {
                break;
            }

            cursor = next.NextPage;
        }

        return new SourceReading(result, Complete: result.Status != CollectionStatus.Failed);
    }

    private Task<CollectedActivity> GetJsonAsync(
        Uri url, SourceKind source, Func<SourceResponse, CancellationToken, Task<CollectedActivity>> read, CancellationToken cancellationToken) =>
        fetch.GetAsync(url, source, SourceFetcher.JsonAccept, default, read, cancellationToken);
}
