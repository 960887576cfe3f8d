using System.Diagnostics.CodeAnalysis;

namespace SocialWatch.Collectors.Bluesky;

/// <summary>
/// A Bluesky account by handle or DID, and the public AppView addresses to read it (no key needed):
/// app.bsky.actor.getProfile and app.bsky.feed.getAuthorFeed (pages via cursor).
/// </summary>
public sealed record BlueskyActor(string Id)
{
    /// <summary>Reads https://bsky.app/profile/{handle or DID}, @handle, a bare handle (a domain name) or a DID.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BlueskyActor? actor)
    {
        actor = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            if (!url.Host.Equals("bsky.app", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments is not ["profile", var id, ..])
            {
                return false;
            }

            text = Uri.UnescapeDataString(id);
        }

        text = text.TrimStart('@');
        if (!IsDid(text) && !IsHandle(text))
        {
            return false;
        }

        actor = new BlueskyActor(text.StartsWith("did:", StringComparison.Ordinal) ? text : text.ToLowerInvariant());
        return true;
    }

    public Uri ProfileUri(Uri appView) => new(appView, "/xrpc/app.bsky.actor.getProfile?actor=" + Uri.EscapeDataString(Id));

    public Uri AuthorFeedUri(Uri appView, string? cursor, int limit)
    {
        var query = $"/xrpc/app.bsky.feed.getAuthorFeed?actor={Uri.EscapeDataString(Id)}&limit={limit}";
        return new Uri(appView, cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}");
    }

    private static bool IsDid(string text) =>
        text.StartsWith("did:plc:", StringComparison.Ordinal) || text.StartsWith("did:web:", StringComparison.Ordinal)
            ? text.Length <= 2048 && !text.AsSpan().ContainsAny(" /?#")
            : false;

    /// <summary>A handle is a domain name: at least two labels of letters, digits and inner hyphens.</summary>
    private static bool IsHandle(string text)
    {
        if (text.Length > 253)
        {
            return false;
        }

        var labels = text.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
