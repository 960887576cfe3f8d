using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;
using SocialWatch.Profiles;

namespace SocialWatch.Collectors;

public enum CollectorKind
{
    /// <summary>No open source for this profile: its numbers come from the owner (CSV or HTTP ingest).</summary>
    None,
    Feed,
    YouTube,
    Mastodon,
    Bluesky,
}

/// <summary>Which collector reads a profile, and what it reads: a feed address, a Mastodon account or a Bluesky actor.</summary>
public sealed record CollectorChoice(CollectorKind Kind, string Reason)
{
    public Uri? Feed { get; init; }

    public MastodonAccount? Mastodon { get; init; }

    public BlueskyActor? Bluesky { get; init; }
}

/// <summary>
/// Chooses the collector from the profile's network and addresses. Mastodon and Bluesky profiles use their APIs (richer than their
/// RSS); YouTube needs a channel id (an @handle page does not give one); any other profile with a feed address, or an address
/// whose feed is known (Medium, Substack, Tumblr, Reddit), uses the feed collector.
/// </summary>
public static class CollectorChooser
{
    public static CollectorChoice Choose(Network network, Uri? profileUrl, Uri? feedUrl)
    {
        if (network == Network.Mastodon && (MastodonAccount.TryParse(profileUrl?.OriginalString, out var account)
            || MastodonAccount.TryParse(feedUrl?.OriginalString, out account)))
        {
            return new CollectorChoice(CollectorKind.Mastodon, "Mastodon public API") { Mastodon = account };
        }

        if (network == Network.Bluesky && BlueskyActor.TryParse(profileUrl?.OriginalString, out var actor))
        {
            return new CollectorChoice(CollectorKind.Bluesky, "Bluesky public AppView") { Bluesky = actor };
        }

        // A feed address the owner gave is used as given (normalised when the site is known); else one follows from the profile address.
        var feed = FeedUrls.Find(feedUrl) ?? (feedUrl is { IsAbsoluteUri: true } ? new FeedLocation(feedUrl, FeedSite.Generic) : null)
            ?? FeedUrls.Find(profileUrl);
        return feed switch
        {
            { Site: FeedSite.YouTube } => new CollectorChoice(CollectorKind.YouTube, "YouTube channel feed") { Feed = feed.Uri },
            _ when network == Network.YouTube => new CollectorChoice(CollectorKind.None,
                "A YouTube channel feed needs the channel id (youtube.com/channel/UC…); an @handle address does not give it."),
            not null => new CollectorChoice(CollectorKind.Feed, $"{feed.Site} feed") { Feed = feed.Uri },
            null when network is Network.Blog or Network.Other => new CollectorChoice(CollectorKind.None,
                "No feed address: give the blog's RSS or Atom address (it cannot be guessed from the home page)."),
            null => new CollectorChoice(CollectorKind.None, $"{network.Name()} has no open feed or API: its numbers come from the owner."),
        };
    }
}
