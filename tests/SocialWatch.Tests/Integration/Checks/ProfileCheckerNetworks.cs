using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>Each network's live, missing and walled answers, served by the fakes, classified through the rule data.</summary>
public sealed class ProfileCheckerNetworks(FakeNetworks fakes) : IClassFixture<FakeNetworks>, IDisposable
{
    private readonly ServiceProvider services = ChecksServices.Build(fakes.Settings());

    public static TheoryData<string, string, string?, CheckClass, string> Answers => new()
    {
        { "www.facebook.com", "/acme", "facebook", CheckClass.Alive, "http-2xx" },
        { "www.facebook.com", "/ghost", "facebook", CheckClass.Dead, "facebook-page-unavailable" },
        { "www.facebook.com", "/walled", "facebook", CheckClass.Blocked, "facebook-login-wall" },
        { "www.instagram.com", "/acme/", "instagram", CheckClass.Alive, "http-2xx" },
        { "www.instagram.com", "/ghost/", "instagram", CheckClass.Dead, "instagram-page-unavailable" },
        { "www.instagram.com", "/walled/", "instagram", CheckClass.Blocked, "instagram-login-wall" },
        { "x.com", "/acme", "x", CheckClass.Blocked, "x-page-proves-nothing" },
        { "x.com", "/ghost", "x", CheckClass.Blocked, "x-page-proves-nothing" },
        { "www.linkedin.com", "/company/acme", "linkedin", CheckClass.Blocked, "status-999" },
        { "www.linkedin.com", "/in/walled", "linkedin", CheckClass.Blocked, "linkedin-authwall" },
        { "www.linkedin.com", "/company/challenged", "linkedin", CheckClass.Blocked, "cloudflare-mitigated" },
        { "www.pinterest.com", "/acme/", "pinterest", CheckClass.Alive, "http-2xx" },
        { "www.pinterest.com", "/ghost/", "pinterest", CheckClass.Dead, "pinterest-home-redirect" },
        { "www.youtube.com", "/@acme", "youtube", CheckClass.Alive, "http-2xx" },
        { "www.youtube.com", "/@ghost", "youtube", CheckClass.Dead, "youtube-handle-404" },
        { "www.youtube.com", "/c/AcmeOldName", "youtube", CheckClass.Moved, "redirect-to-other-profile" },
        { "www.youtube.com", "/@walled", "youtube", CheckClass.Blocked, "youtube-consent-wall" },
        { "www.tiktok.com", "/@acme", "tiktok", CheckClass.Alive, "http-2xx" },
        { "www.tiktok.com", "/@ghost", "tiktok", CheckClass.Dead, "tiktok-account-missing" },
        { "www.threads.net", "/@acme", "other", CheckClass.Alive, "http-2xx" },
        { "www.threads.net", "/@ghost", "other", CheckClass.Dead, "threads-home-redirect" },
        { "www.reddit.com", "/user/acme", "other", CheckClass.Alive, "http-2xx" },
        { "www.reddit.com", "/user/ghost", "other", CheckClass.Dead, "reddit-user-404" },
        { "www.reddit.com", "/user/banned", "other", CheckClass.Dead, "reddit-user-suspended" },
        { "medium.com", "/@acme", "blog", CheckClass.Alive, "http-2xx" },
        { "medium.com", "/@ghost", "blog", CheckClass.Dead, "medium-404" },
        { "acme.substack.com", "/", "blog", CheckClass.Alive, "http-2xx" },
        { "ghost.substack.com", "/", "blog", CheckClass.Dead, "substack-404" },
        { "mastodon.social", "/@acme", "mastodon", CheckClass.Alive, "http-2xx" },
        { "mastodon.social", "/@ghost", "mastodon", CheckClass.Dead, "mastodon-not-found" },
        { "mastodon.social", "/@gone", "mastodon", CheckClass.Dead, "mastodon-suspended" },
        { "mastodon.social", "/@moved", "mastodon", CheckClass.Moved, "mastodon-moved" },
        { "social.example-instance.test", "/@acme", "mastodon", CheckClass.Alive, "http-2xx" },
        { "social.example-instance.test", "/@ghost", "mastodon", CheckClass.Dead, "mastodon-not-found" },
        { "bsky.app", "/profile/acme.bsky.social", "bluesky", CheckClass.Alive, "http-2xx" },
        { "bsky.app", "/profile/ghost.bsky.social", "bluesky", CheckClass.Dead, "bluesky-profile-not-found" },
        { "bsky.app", "/profile/takedown.bsky.social", "bluesky", CheckClass.Dead, "bluesky-account-takedown" },
        { "bsky.app", "/profile/deactivated.bsky.social", "bluesky", CheckClass.Dead, "bluesky-account-deactivated" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task ClassifiesTheAnswer(string host, string path, string? network, CheckClass expected, string rule)
    {
        var declared = Networks.TryParse(network, out var parsed) ? parsed : (Network?)null;

        var result = await Checker.CheckAsync(new ProfileTarget(fakes.Url(host, path), declared), TestContext.Current.CancellationToken);

        Assert.Equal((expected, rule), (result.Class, result.Evidence.RuleId));
        Assert.Equal(fakes.Url(host, path), result.Url);
    }

    [Fact]
    public async Task NeverFollowsARedirectIntoALoginWall()
    {
        var result = await Checker.CheckAsync(new ProfileTarget(fakes.Url("www.facebook.com", "/walled"), Network.Facebook), TestContext.Current.CancellationToken);

        Assert.Equal(CheckClass.Blocked, result.Class);
        Assert.Equal("/login/", result.Evidence.FinalUrl.AbsolutePath);
        Assert.Equal(0, fakes.CountRequests("www.facebook.com", "/login"));
    }

    [Fact]
    public async Task ReportsWhereAMastodonAccountMoved()
    {
        var result = await Checker.CheckAsync(new ProfileTarget(fakes.Url("mastodon.social", "/@moved"), Network.Mastodon), TestContext.Current.CancellationToken);

        Assert.Equal(new Uri("https://mastodon.online/@acme"), result.Evidence.MovedTo);
        Assert.Equal("/api/v1/accounts/lookup", result.Evidence.FinalUrl.AbsolutePath);
    }

    [Fact]
    public async Task ReportsARenamedProfileAtItsNewAddress()
    {
        var result = await Checker.CheckAsync(new ProfileTarget(fakes.Url("www.youtube.com", "/c/AcmeOldName"), Network.YouTube), TestContext.Current.CancellationToken);

        Assert.Equal(fakes.Url("www.youtube.com", "/@acme"), result.Evidence.MovedTo);
        Assert.Equal([fakes.Url("www.youtube.com", "/@acme")], result.Evidence.Hops);
    }

    [Fact]
    public async Task ProbesBlueskyThroughItsApi()
    {
        var result = await Checker.CheckAsync(new ProfileTarget(fakes.Url("bsky.app", "/profile/acme.bsky.social"), Network.Bluesky), TestContext.Current.CancellationToken);

        Assert.Equal("public.api.bsky.app", result.Evidence.FinalUrl.Host);
        Assert.Equal("?actor=acme.bsky.social", result.Evidence.FinalUrl.Query);
        Assert.Equal(0, fakes.CountRequests("bsky.app", "/"));
    }

    [Fact]
    public async Task SendsAnHonestUserAgent()
    {
        await Checker.CheckAsync(new ProfileTarget(fakes.Url("medium.com", "/@acme")), TestContext.Current.CancellationToken);

        var request = fakes.Requests.Last(r => r.Host == "medium.com");
        Assert.Equal("SocialWatch/1.0 (+https://github.com/socialwatch; profile-health checker)", request.UserAgent);
    }

    public void Dispose() => services.Dispose();

    private ProfileChecker Checker => services.GetRequiredService<ProfileChecker>();
}
