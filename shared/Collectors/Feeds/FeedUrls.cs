namespace SocialWatch.Collectors.Feeds;

/// <summary>Sites whose feed address follows from a profile address.</summary>
public enum FeedSite
{
    /// <summary>An address that looks like a feed (…/feed, …/rss, ….xml, ….atom) on any site.</summary>
    Generic,
    Medium,
    Substack,
    Tumblr,
    Reddit,
    YouTube,
    Mastodon,
    Bluesky,
}

public sealed record FeedLocation(Uri Uri, FeedSite Site);

/// <summary>
/// Finds the feed of a profile address, or recognises a feed address: Medium (/feed/@user), Substack (/feed), Tumblr (/rss),
/// Reddit (/user/x/.rss, /r/x/.rss), YouTube (/feeds/videos.xml?channel_id=UC…), Mastodon (/@user.rss), Bluesky (/profile/x/rss).
/// A blog's own feed cannot be guessed from its home page; give its feed address.
/// </summary>
public static class FeedUrls
{
    public static FeedLocation? Find(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var host = url.Host.ToLowerInvariant();
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return host switch
        {
            "medium.com" or "www.medium.com" => Medium(segments),
            _ when host.EndsWith(".medium.com", StringComparison.Ordinal) => Feed($"https://{host}/feed", FeedSite.Medium),
            _ when host.EndsWith(".substack.com", StringComparison.Ordinal) => Feed($"https://{host}/feed", FeedSite.Substack),
            "www.tumblr.com" or "tumblr.com" => segments is [var blog, ..] && IsName(blog) ? Feed($"https://{blog}.tumblr.com/rss", FeedSite.Tumblr) : null,
            _ when host.EndsWith(".tumblr.com", StringComparison.Ordinal) => Feed($"https://{host}/rss", FeedSite.Tumblr),
            "reddit.com" or "www.reddit.com" or "old.reddit.com" => Reddit(segments),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" => YouTube(url, segments),
            "bsky.app" => segments is ["profile", var actor, "rss"] ? Feed($"https://bsky.app/profile/{actor}/rss", FeedSite.Bluesky) : null,
            _ when segments is [var at] && at.StartsWith('@') && at.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) => new FeedLocation(url, FeedSite.Mastodon),
            _ => LooksLikeFeed(segments) ? new FeedLocation(url, FeedSite.Generic) : null,
        };
    }

    /// <summary>The channel id of a YouTube channel feed or channel page (UC followed by 22 characters), if the address holds one.</summary>
    public static string? YouTubeChannelId(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var id = segments is ["channel", var channel, ..] ? channel
            : segments is ["feeds", "videos.xml"] ? System.Web.HttpUtility.ParseQueryString(url.Query)["channel_id"]
            : null;
        return id is { Length: 24 } && id.StartsWith("UC", StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id
            : null;
    }

    private static FeedLocation? Medium(string[] segments) => segments switch
    {
        ["feed", ..] => Feed("https://medium.com/" + string.Join('/', segments), FeedSite.Medium),
        [var name] when IsName(name.TrimStart('@')) => Feed($"https://medium.com/feed/{name}", FeedSite.Medium),
        _ => null,
    };

    private static FeedLocation? Reddit(string[] segments) => segments switch
    {
        ["user" or "u", var name, ..] when IsName(name) => Feed($"https://www.reddit.com/user/{name}/.rss", FeedSite.Reddit),
        ["r", var name, ..] when IsName(name) => Feed($"https://www.reddit.com/r/{name}/.rss", FeedSite.Reddit),
        _ => null,
    };

    private static FeedLocation? YouTube(Uri url, string[] segments) =>
        YouTubeChannelId(url) is { } channel && segments is ["channel", ..] or ["feeds", "videos.xml"]
            ? Feed($"https://www.youtube.com/feeds/videos.xml?channel_id={channel}", FeedSite.YouTube)
            : null;

    private static bool LooksLikeFeed(string[] segments) => segments is [.., var last]
        && (last is "feed" or "rss" or "atom" or ".rss"
            || last.EndsWith(".rss", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            || last.EndsWith(".atom", StringComparison.OrdinalIgnoreCase));

    private static bool IsName(string name) => name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static FeedLocation Feed(string url, FeedSite site) => new(new Uri(url), site);
}
