using SocialWatch.Collectors;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class CollectorChooserChoose
{
    private static Uri? Url(string? url) => url is null ? null : new Uri(url);

    [Theory]
    [InlineData(Network.Mastodon, "https://mastodon.social/@rosasbakery", null, CollectorKind.Mastodon)]
    [InlineData(Network.Mastodon, null, "https://mastodon.social/@rosasbakery.rss", CollectorKind.Mastodon)]
    [InlineData(Network.Bluesky, "https://bsky.app/profile/rosasbakery.bsky.social", null, CollectorKind.Bluesky)]
    [InlineData(Network.YouTube, "https://www.youtube.com/channel/UCxR2m6ZpBqWc3bKfgZkQh7A", null, CollectorKind.YouTube)]
    [InlineData(Network.YouTube, "https://www.youtube.com/@rosasbakery", "https://www.youtube.com/feeds/videos.xml?channel_id=UCxR2m6ZpBqWc3bKfgZkQh7A", CollectorKind.YouTube)]
    [InlineData(Network.YouTube, "https://www.youtube.com/@rosasbakery", null, CollectorKind.None)]
    [InlineData(Network.Blog, "https://rosasbakery.example", "https://rosasbakery.example/feed/", CollectorKind.Feed)]
    [InlineData(Network.Blog, "https://rosasbakery.example", null, CollectorKind.None)]
    [InlineData(Network.Blog, "https://medium.com/@rosa", null, CollectorKind.Feed)]
    [InlineData(Network.Other, "https://rosasbakery.substack.com", null, CollectorKind.Feed)]
    [InlineData(Network.Other, "https://www.reddit.com/user/rosasbakery", null, CollectorKind.Feed)]
    [InlineData(Network.Pinterest, "https://www.pinterest.com/rosasbakery/", "https://www.pinterest.com/rosasbakery/feed.rss", CollectorKind.Feed)]
    [InlineData(Network.Instagram, "https://www.instagram.com/rosasbakery/", null, CollectorKind.None)]
    [InlineData(Network.Facebook, "https://www.facebook.com/rosasbakery", null, CollectorKind.None)]
    public void ChoosesByNetworkAndAddresses(Network network, string? profileUrl, string? feedUrl, CollectorKind expected)
    {
        var choice = CollectorChooser.Choose(network, Url(profileUrl), Url(feedUrl));

        Assert.Equal(expected, choice.Kind);
        Assert.False(string.IsNullOrWhiteSpace(choice.Reason));
    }

    [Fact]
    public void GivesTheMastodonAccountAtItsHomeInstance()
    {
        var choice = CollectorChooser.Choose(Network.Mastodon, new Uri("https://mastodon.social/@harbourbooks@books.social"), null);

        Assert.Equal(new MastodonAccount(new Uri("https://books.social/"), "harbourbooks"), choice.Mastodon);
        Assert.Equal("https://books.social/api/v1/accounts/lookup?acct=harbourbooks", choice.Mastodon?.LookupUri.AbsoluteUri);
    }

    [Fact]
    public void GivesTheYouTubeFeedAddressForAChannelPage()
    {
        var choice = CollectorChooser.Choose(Network.YouTube, new Uri("https://www.youtube.com/channel/UCxR2m6ZpBqWc3bKfgZkQh7A/videos"), null);

        Assert.Equal("https://www.youtube.com/feeds/videos.xml?channel_id=UCxR2m6ZpBqWc3bKfgZkQh7A", choice.Feed?.AbsoluteUri);
    }

    [Fact]
    public void GivesTheBlueskyActor()
    {
        var choice = CollectorChooser.Choose(Network.Bluesky, new Uri("https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur"), null);

        Assert.Equal(new BlueskyActor("did:plc:z72i7hdynmk6r22z27h6tvur"), choice.Bluesky);
    }
}

public sealed class FeedUrlsFind
{
    [Theory]
    [InlineData("https://medium.com/@rosa", "https://medium.com/feed/@rosa", FeedSite.Medium)]
    [InlineData("https://medium.com/feed/@rosa", "https://medium.com/feed/@rosa", FeedSite.Medium)]
    [InlineData("https://medium.com/bakers-weekly", "https://medium.com/feed/bakers-weekly", FeedSite.Medium)]
    [InlineData("https://rosa.medium.com/", "https://rosa.medium.com/feed", FeedSite.Medium)]
    [InlineData("https://rosasbakery.substack.com/p/winter-menu", "https://rosasbakery.substack.com/feed", FeedSite.Substack)]
    [InlineData("https://rosasbakery.substack.com/feed", "https://rosasbakery.substack.com/feed", FeedSite.Substack)]
    [InlineData("https://rosasbakery.tumblr.com/", "https://rosasbakery.tumblr.com/rss", FeedSite.Tumblr)]
    [InlineData("https://www.tumblr.com/rosasbakery", "https://rosasbakery.tumblr.com/rss", FeedSite.Tumblr)]
    [InlineData("https://www.reddit.com/user/rosasbakery/", "https://www.reddit.com/user/rosasbakery/.rss", FeedSite.Reddit)]
    [InlineData("https://old.reddit.com/u/rosasbakery", "https://www.reddit.com/user/rosasbakery/.rss", FeedSite.Reddit)]
    [InlineData("https://www.reddit.com/r/Sourdough/.rss", "https://www.reddit.com/r/Sourdough/.rss", FeedSite.Reddit)]
    [InlineData("https://www.youtube.com/feeds/videos.xml?channel_id=UCxR2m6ZpBqWc3bKfgZkQh7A", "https://www.youtube.com/feeds/videos.xml?channel_id=UCxR2m6ZpBqWc3bKfgZkQh7A", FeedSite.YouTube)]
    [InlineData("https://mastodon.social/@rosasbakery.rss", "https://mastodon.social/@rosasbakery.rss", FeedSite.Mastodon)]
    [InlineData("https://bsky.app/profile/rosasbakery.bsky.social/rss", "https://bsky.app/profile/rosasbakery.bsky.social/rss", FeedSite.Bluesky)]
    [InlineData("https://rosasbakery.example/feed/", "https://rosasbakery.example/feed/", FeedSite.Generic)]
    [InlineData("https://rosasbakery.example/index.xml", "https://rosasbakery.example/index.xml", FeedSite.Generic)]
    [InlineData("https://rosasbakery.example/blog/atom", "https://rosasbakery.example/blog/atom", FeedSite.Generic)]
    public void FindsOrRecognisesTheFeed(string url, string feed, FeedSite site)
    {
        Assert.Equal(new FeedLocation(new Uri(feed), site), FeedUrls.Find(new Uri(url)));
    }

    [Theory]
    [InlineData("https://rosasbakery.example/")]
    [InlineData("https://www.youtube.com/@rosasbakery")]
    [InlineData("https://www.youtube.com/feeds/videos.xml?channel_id=nonsense")]
    [InlineData("https://mastodon.social/@rosasbakery")]
    [InlineData("ftp://rosasbakery.example/feed")]
    public void FindsNothingWhereNoFeedFollows(string url)
    {
        Assert.Null(FeedUrls.Find(new Uri(url)));
    }
}

public sealed class MastodonAccountParse
{
    [Theory]
    [InlineData("https://mastodon.social/@rosasbakery", "https://mastodon.social/", "rosasbakery")]
    [InlineData("https://mastodon.social/users/rosasbakery", "https://mastodon.social/", "rosasbakery")]
    [InlineData("https://mastodon.social/@rosasbakery.rss", "https://mastodon.social/", "rosasbakery")]
    [InlineData("https://mastodon.social/@harbourbooks@books.social", "https://books.social/", "harbourbooks")]
    [InlineData("@rosa_bakes@fosstodon.org", "https://fosstodon.org/", "rosa_bakes")]
    [InlineData("rosa.bakes@hachyderm.io", "https://hachyderm.io/", "rosa.bakes")]
    public void ReadsAddressesAndHandles(string text, string instance, string username)
    {
        Assert.True(MastodonAccount.TryParse(text, out var account));
        Assert.Equal(new MastodonAccount(new Uri(instance), username), account);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rosasbakery")]
    [InlineData("https://mastodon.social/")]
    [InlineData("https://mastodon.social/@rosa/113489000000000003")]
    [InlineData("@rosa@localhost")]
    [InlineData("@ro sa@mastodon.social")]
    [InlineData("@rosa@evil.example/path")]
    [InlineData("@rosa@user:pass@evil.example")]
    public void RefusesWhatIsNoAccount(string text)
    {
        Assert.False(MastodonAccount.TryParse(text, out _));
    }

    [Fact]
    public void BuildsTheStatusesPageAddress()
    {
        var instance = new Uri("https://mastodon.social/");

        Assert.Equal("https://mastodon.social/api/v1/accounts/1093/statuses?limit=40", MastodonAccount.StatusesUri(instance, "1093", null, 40).AbsoluteUri);
        Assert.Equal("https://mastodon.social/api/v1/accounts/1093/statuses?limit=40&max_id=1134", MastodonAccount.StatusesUri(instance, "1093", "1134", 40).AbsoluteUri);
    }
}

public sealed class BlueskyActorParse
{
    [Theory]
    [InlineData("https://bsky.app/profile/RosasBakery.bsky.social", "rosasbakery.bsky.social")]
    [InlineData("https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3lb2k7x4xyz2a", "did:plc:z72i7hdynmk6r22z27h6tvur")]
    [InlineData("@rosasbakery.example", "rosasbakery.example")]
    [InlineData("did:web:rosasbakery.example", "did:web:rosasbakery.example")]
    public void ReadsAddressesHandlesAndDids(string text, string id)
    {
        Assert.True(BlueskyActor.TryParse(text, out var actor));
        Assert.Equal(id, actor.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rosasbakery")]
    [InlineData("https://example.com/profile/rosa.bsky.social")]
    [InlineData("https://bsky.app/search?q=rosa")]
    [InlineData("-rosa.bsky.social")]
    [InlineData("did:plc:abc/../../x")]
    public void RefusesWhatIsNoActor(string text)
    {
        Assert.False(BlueskyActor.TryParse(text, out _));
    }

    [Fact]
    public void BuildsTheAppViewAddresses()
    {
        var appView = new Uri("https://public.api.bsky.app");
        var actor = new BlueskyActor("rosasbakery.bsky.social");

        Assert.Equal("https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=rosasbakery.bsky.social", actor.ProfileUri(appView).AbsoluteUri);
        Assert.Equal("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=rosasbakery.bsky.social&limit=100&cursor=2026-09-01T08%3A00%3A00.000Z",
            actor.AuthorFeedUri(appView, "2026-09-01T08:00:00.000Z", 100).AbsoluteUri);
    }
}
