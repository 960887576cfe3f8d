using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SocialWatch.Checks.Rules;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Links;

/// <summary>A link from a web page to a social network, recognised through the rule data.</summary>
/// <param name="Href">The absolute address as the page gives it (what a visitor's click fetches).</param>
/// <param name="Normalised">The same address in one spelling (see <see cref="UrlNormaliser"/>), for comparing.</param>
/// <param name="SiteId">The rule-data site.</param>
/// <param name="Network">The network that site belongs to.</param>
/// <param name="Handle">The profile's handle, when the URL has one.</param>
/// <param name="IsProfile">The link points at a profile (not a post or a share button): the ones to check.</param>
/// <param name="RelMe">The page claims the profile as its owner's (rel="me").</param>
public sealed record SocialLink(Uri Href, Uri Normalised, string SiteId, Network Network, string? Handle, bool IsProfile, bool RelMe);

/// <summary>What one page links to: social profiles, and pages of the same site worth crawling.</summary>
public sealed record PageLinks(IReadOnlyList<SocialLink> Social, IReadOnlyList<Uri> SameSite);

/// <summary>Reads the links of an HTML page: anchors, image-map areas and <c>&lt;link rel="me"&gt;</c>, resolved against the page (and its <c>&lt;base&gt;</c>).</summary>
public sealed class LinkReader(ProfileRuleSet rules, UrlNormaliser normaliser)
{
    /// <summary>Files a crawl for social links never needs to fetch.</summary>
    private static readonly HashSet<string> AssetExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff",
        ".css", ".js", ".mjs", ".map", ".json", ".xml", ".rss", ".atom", ".txt", ".csv",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods",
        ".zip", ".gz", ".tgz", ".tar", ".rar", ".7z", ".dmg", ".exe", ".msi", ".apk",
        ".mp3", ".mp4", ".m4a", ".m4v", ".wav", ".ogg", ".webm", ".mov", ".avi", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    };

    public PageLinks Read(Uri pageUrl, string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Uri.TryCreate(pageUrl, href.Trim(), out var declared)
            ? declared
            : pageUrl;
        var siteHost = rules.NormaliseHost(pageUrl.IdnHost);
        var social = new Dictionary<Uri, SocialLink>();
        var sameSite = new Dictionary<Uri, Uri>();
        foreach (var element in document.QuerySelectorAll("a[href], area[href], link[href]"))
        {
            var relMe = IsRelMe(element);
            if ((element.LocalName == "link" && !relMe)
                || !Uri.TryCreate(baseUrl, element.GetAttribute("href")!.Trim(), out var url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            var normalised = normaliser.Normalise(url);
            if (rules.Recognise(url, relMe) is { } match)
            {
                var link = new SocialLink(url, normalised, match.Site.Id, match.Site.Network, match.Handle, match.IsProfile, relMe);
                social[normalised] = social.TryGetValue(normalised, out var seen) ? seen with { RelMe = seen.RelMe || relMe } : link;
            }
            else if (element.LocalName != "link" && rules.NormaliseHost(url.IdnHost) == siteHost && !IsAsset(url))
            {
                sameSite.TryAdd(normalised, new UriBuilder(url) { Fragment = string.Empty }.Uri);
            }
        }

        return new PageLinks(social.Values.ToArray(), sameSite.Values.ToArray());
    }

    private static bool IsRelMe(IElement element) =>
        element.GetAttribute("rel")?.Split(' ', '\t', '\n', '\r', '\f').Any(t => string.Equals(t, "me", StringComparison.OrdinalIgnoreCase)) == true;

    private static bool IsAsset(Uri url) => AssetExtensions.Contains(Path.GetExtension(url.AbsolutePath));
}
