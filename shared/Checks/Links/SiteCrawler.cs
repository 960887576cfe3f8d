using Microsoft.Extensions.Options;
using SocialWatch.Checks.Fetching;
using SocialWatch.Checks.Rules;

namespace SocialWatch.Checks.Links;

/// <summary>A social link and the page it sits on.</summary>
public sealed record LinkOnPage(SocialLink Link, Uri Page);

/// <summary>One page the crawl fetched, and how that went.</summary>
public sealed record CrawledPage(Uri Url, Uri FinalUrl, FetchEnd End, int? Status);

/// <summary>What the audit found on a website: the pages read and every social link with its page.</summary>
public sealed record SiteCrawl(Uri Home, IReadOnlyList<CrawledPage> Pages, IReadOnlyList<LinkOnPage> Links);

/// <summary>
/// Reads a business's website for links to social networks: the home page, then same-site pages breadth first, up to
/// <see cref="LinkAuditOptions.MaxPages"/>, each fetched through the guarded, polite <see cref="PageFetcher"/>.
/// </summary>
public sealed class SiteCrawler(PageFetcher fetcher, LinkReader reader, UrlNormaliser normaliser, ProfileRuleSet rules, IOptions<LinkAuditOptions> options)
{
    public async Task<SiteCrawl> CrawlAsync(Uri home, CancellationToken cancellationToken = default)
    {
        var pending = new Queue<Uri>([home]);
        var seen = new HashSet<Uri> { normaliser.Normalise(home) };
        var pages = new List<CrawledPage>();
        var links = new List<LinkOnPage>();
        string? siteHost = null;
        while (pending.Count > 0 && pages.Count < options.Value.MaxPages)
        {
            var url = pending.Dequeue();
            var outcome = await fetcher.FetchAsync(url, cancellationToken: cancellationToken);
            pages.Add(new CrawledPage(url, outcome.FinalUrl, outcome.End, outcome.Status));
            seen.Add(normaliser.Normalise(outcome.FinalUrl));

            // The site is where the home page landed; a page that redirects off it (to a social profile, say) is not read.
            var finalHost = rules.NormaliseHost(outcome.FinalUrl.IdnHost);
            siteHost ??= rules.Recognise(outcome.FinalUrl) is null ? finalHost : string.Empty;
            if (finalHost != siteHost || outcome is not { End: FetchEnd.Response, Status: >= 200 and < 300 } || !IsHtml(outcome))
            {
                continue;
            }

            var found = reader.Read(outcome.FinalUrl, outcome.Body);
            links.AddRange(found.Social.Select(link => new LinkOnPage(link, outcome.FinalUrl)));
            foreach (var next in found.SameSite.Where(next => seen.Add(normaliser.Normalise(next))))
            {
                pending.Enqueue(next);
            }
        }

        return new SiteCrawl(home, pages, links);
    }

    private static bool IsHtml(FetchOutcome outcome) =>
        outcome.Header("Content-Type") is not { } type || type.Contains("html", StringComparison.OrdinalIgnoreCase);
}
