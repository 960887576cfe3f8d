namespace SocialWatch.Checks.Links;

/// <summary>A distinct social link of a website, the pages it sits on, and (for profile links) the check of its profile.</summary>
public sealed record AuditedLink(SocialLink Link, IReadOnlyList<Uri> Pages, CheckResult? Result);

/// <summary>The website link audit: what was read and what each social link leads to.</summary>
public sealed record WebsiteAudit(Uri Home, IReadOnlyList<CrawledPage> Pages, IReadOnlyList<AuditedLink> Links)
{
    /// <summary>Links whose profile answered dead this time (one result: the no-false-alarm policy decides what to declare).</summary>
    public IEnumerable<AuditedLink> DeadLinks => Links.Where(l => l.Result?.Class == CheckClass.Dead);
}

/// <summary>Crawls a website and checks every distinct profile it links to, once each, whatever the number of pages linking.</summary>
public sealed class WebsiteAuditor(SiteCrawler crawler, ProfileChecker checker)
{
    public async Task<WebsiteAudit> AuditAsync(Uri home, CancellationToken cancellationToken = default)
    {
        var crawl = await crawler.CrawlAsync(home, cancellationToken);
        var distinct = crawl.Links
            .GroupBy(l => l.Link.Normalised)
            .Select(g => (Link: g.First().Link, Pages: (IReadOnlyList<Uri>)g.Select(l => l.Page).Distinct().ToArray()))
            .ToList();

        // Checks of different hosts run side by side; the fetcher's politeness spaces those of one host.
        var results = await Task.WhenAll(distinct.Select(d => CheckProfileAsync(d.Link, cancellationToken)));
        var links = distinct.Select((d, i) => new AuditedLink(d.Link, d.Pages, results[i])).ToArray();
        return new WebsiteAudit(home, crawl.Pages, links);
    }

    /// <summary>Profile links are checked; links to a network that are not profiles (posts, share buttons) are only listed.</summary>
    private async Task<CheckResult?> CheckProfileAsync(SocialLink link, CancellationToken cancellationToken) =>
        link.IsProfile ? await checker.CheckAsync(new ProfileTarget(link.Href, link.Network), cancellationToken) : null;
}
