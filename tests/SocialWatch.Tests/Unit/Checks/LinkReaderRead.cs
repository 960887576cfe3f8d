using SocialWatch.Checks.Links;
using SocialWatch.Checks.Rules;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class LinkReaderRead
{
    private static readonly ProfileRuleSet Rules = ProfileRuleSet.LoadEmbedded();
    private static readonly LinkReader Reader = new(Rules, new UrlNormaliser(Rules));
    private static readonly Uri Page = new("https://www.acme-bakery.test/shop/index.html");

    [Fact]
    public void FindsProfileLinksInAnchorsAndRelMe()
    {
        var links = Reader.Read(Page, """
            <html><head>
              <link rel="me" href="https://fosstodon.org/@acme">
              <link rel="alternate me" href="https://social.example.test/@acme">
              <link rel="stylesheet" href="https://www.facebook.com/ignored.css">
            </head><body>
              <a href="https://www.facebook.com/acme">Facebook</a>
              <a rel="me noopener" href="https://www.instagram.com/acme/">Instagram</a>
              <map><area href="https://www.youtube.com/@acme"></map>
            </body></html>
            """).Social;

        Assert.Equal(
            [
                ("facebook", Network.Facebook, "acme", false),
                ("instagram", Network.Instagram, "acme", true),
                ("mastodon", Network.Mastodon, "acme", true),
                ("mastodon", Network.Mastodon, "acme", true),
                ("youtube", Network.YouTube, "acme", false),
            ],
            links.Select(l => (l.SiteId, l.Network, l.Handle, l.RelMe)).Order());
    }

    [Fact]
    public void ResolvesRelativeLinksAgainstTheBase()
    {
        var page = Reader.Read(Page, """
            <base href="https://www.acme-bakery.test/">
            <a href="about">About</a>
            <a href="//www.facebook.com/acme">Facebook</a>
            """);

        Assert.Equal([new Uri("https://www.acme-bakery.test/about")], page.SameSite);
        Assert.Equal(new Uri("https://www.facebook.com/acme"), Assert.Single(page.Social).Href);
    }

    [Fact]
    public void NormalisesAndDeduplicatesSpellingsOfOneProfile()
    {
        var links = Reader.Read(Page, """
            <a href="https://www.facebook.com/acme?utm_source=site&fbclid=x">1</a>
            <a href="http://m.facebook.com/acme/">2</a>
            <a href="https://facebook.com/acme#reviews">3</a>
            """).Social;

        var link = Assert.Single(links);
        Assert.Equal(new Uri("https://facebook.com/acme"), link.Normalised);
        Assert.Equal(new Uri("https://www.facebook.com/acme?utm_source=site&fbclid=x"), link.Href);
    }

    [Fact]
    public void MarksShareButtonsAndPostsAsNotProfiles()
    {
        var links = Reader.Read(Page, """
            <a href="https://www.facebook.com/sharer/sharer.php?u=https://www.acme-bakery.test/">Share</a>
            <a href="https://twitter.com/intent/tweet?text=bread">Tweet</a>
            <a href="https://www.instagram.com/p/C0ffee/">A post</a>
            """).Social;

        Assert.Equal(3, links.Count);
        Assert.All(links, l => Assert.False(l.IsProfile));
    }

    [Fact]
    public void SelectsSameSitePagesOnly()
    {
        var page = Reader.Read(Page, """
            <a href="/about">About</a>
            <a href="https://acme-bakery.test/contact#form">Contact (apex host)</a>
            <a href="contact">Contact again</a>
            <a href="/menu.pdf">Menu</a>
            <a href="/img/logo.PNG">Logo</a>
            <a href="https://other-business.test/">Friend</a>
            <a href="https://shop.acme-bakery.test/">Shop subdomain</a>
            <a href="mailto:hello@acme-bakery.test">Mail</a>
            <a href="tel:+15550100">Call</a>
            <a href="javascript:void(0)">Nothing</a>
            <!-- <a href="/commented-out">x</a> -->
            <script>document.write('<a href="/scripted">x</a>')</script>
            """);

        Assert.Equal(
            [new Uri("https://www.acme-bakery.test/about"), new Uri("https://acme-bakery.test/contact"), new Uri("https://www.acme-bakery.test/shop/contact")],
            page.SameSite);
        Assert.Empty(page.Social);
    }

    [Fact]
    public void SurvivesBrokenHtml()
    {
        var links = Reader.Read(Page, """<div><a href="https://www.tiktok.com/@acme">TikTok<a href='https://www.pinterest.com/acme/'>Pins</div></p><a href=https://bsky.app/profile/acme.bsky.social>Bsky""").Social;

        Assert.Equal(["bluesky", "pinterest", "tiktok"], links.Select(l => l.SiteId).Order());
    }
}
