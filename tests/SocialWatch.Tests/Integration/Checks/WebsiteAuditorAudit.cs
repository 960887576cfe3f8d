using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Fetching;
using SocialWatch.Checks.Links;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>The website link audit against a fake business site: which pages are read, which links found, which profiles dead.</summary>
public sealed class WebsiteAuditorAudit(FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    [Fact]
    public async Task CrawlsSameSitePagesBreadthFirstUpToTheCap()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:LinkAudit:MaxPages", "5")));

        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(fakes.Url("acme-bakery.test", "/"), TestContext.Current.CancellationToken);

        Assert.Equal(["/", "/about", "/contact", "/deep/1", "/deep/2"], crawl.Pages.Select(p => p.Url.AbsolutePath));
        Assert.All(crawl.Pages, p => Assert.Equal((FetchEnd.Response, 200), (p.End, p.Status)));
        Assert.Equal(0, fakes.CountRequests("acme-bakery.test", "/menu.pdf"));
        Assert.Equal(0, fakes.CountRequests("acme-bakery.test", "/deep/3"));
    }

    [Fact]
    public async Task FindsEverySocialLinkWithThePageItSitsOn()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:LinkAudit:MaxPages", "3")));

        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(fakes.Url("acme-bakery.test", "/"), TestContext.Current.CancellationToken);

        var found = crawl.Links.Select(l => (l.Link.SiteId, l.Link.Handle, l.Link.IsProfile, l.Page.AbsolutePath)).Order().ToList();
        Assert.Equal(
            [
                ("bluesky", "acme.bsky.social", true, "/contact"),
                ("facebook", "acme", true, "/"),
                ("facebook", "acme", true, "/about"),
                ("instagram", "ghost", true, "/"),
                ("mastodon", "acme", true, "/"),
                ("x", null, false, "/"),
                ("youtube", "ghost", true, "/about"),
            ],
            found);
    }

    [Fact]
    public async Task ChecksEachLinkedProfileOnceAndReportsTheDeadOnesWithTheirPages()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:LinkAudit:MaxPages", "3")));

        var audit = await services.GetRequiredService<WebsiteAuditor>().AuditAsync(fakes.Url("acme-bakery.test", "/"), TestContext.Current.CancellationToken);

        var facebook = Assert.Single(audit.Links, l => l.Link.Network == Network.Facebook);
        Assert.Equal(CheckClass.Alive, facebook.Result!.Class);
        Assert.Equal(["/", "/about"], facebook.Pages.Select(p => p.AbsolutePath));
        Assert.Equal(1, fakes.CountRequests("www.facebook.com", "/acme"));
        Assert.Equal(
            [("instagram", "/"), ("youtube", "/about")],
            audit.DeadLinks.Select(l => (l.Link.SiteId, Assert.Single(l.Pages).AbsolutePath)).Order());
        Assert.Null(Assert.Single(audit.Links, l => l.Link.SiteId == "x").Result);
        Assert.Equal(CheckClass.Alive, Assert.Single(audit.Links, l => l.Link.SiteId == "mastodon").Result!.Class);
        Assert.Equal(CheckClass.Alive, Assert.Single(audit.Links, l => l.Link.SiteId == "bluesky").Result!.Class);
    }
}
