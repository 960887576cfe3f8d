using System.Net;
using System.Text;

namespace SocialWatch.Collectors.Feeds;

/// <summary>Titles as people read them: markup dropped, HTML entities decoded (feeds often escape them twice), spaces collapsed.</summary>
internal static class FeedText
{
    public static string? Clean(string? raw, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        // Markup may come escaped once (type="html") or twice (a common feed bug): strip, decode, strip what decoding revealed.
        var decoded = StripTags(WebUtility.HtmlDecode(StripTags(raw)));
        var text = new StringBuilder(Math.Min(decoded.Length, maxLength));
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            if (text.Length >= maxLength)
            {
                break;
            }

            text.Append(c);
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>Removes &lt;tag&gt; runs; a lone "&lt;" as in "5 &lt; 6" is text and stays.</summary>
    private static string StripTags(string raw)
    {
        if (!raw.Contains('<', StringComparison.Ordinal))
        {
            return raw;
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var end = raw[i] == '<' && i + 1 < raw.Length && (char.IsAsciiLetter(raw[i + 1]) || raw[i + 1] is '/' or '!')
                ? raw.IndexOf('>', i + 1)
                : -1;
            if (end > 0)
            {
                text.Append(' ');
                i = end;
            }
            else
            {
                text.Append(raw[i]);
            }
        }

        return text.ToString();
    }
}
