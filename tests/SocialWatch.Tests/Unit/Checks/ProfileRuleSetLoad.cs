using System.Text.Json.Nodes;
using SocialWatch.Checks.Rules;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class ProfileRuleSetLoad
{
    private static readonly ProfileRuleSet Rules = ProfileRuleSet.LoadEmbedded();

    [Fact]
    public void LoadsTheEmbeddedVersionedRules()
    {
        Assert.Equal(1, Rules.Version);
        Assert.Equal(new DateOnly(2026, 11, 23), Rules.Date);
        Assert.NotEmpty(Rules.Sources);
        Assert.Equal(
            ["bluesky", "facebook", "google-business", "instagram", "linkedin", "mastodon", "medium", "pinterest", "reddit", "substack", "threads", "tiktok", "x", "yelp", "youtube"],
            Rules.Sites.Select(s => s.Id).Order());
    }

    public static TheoryData<string, string?, string?, bool> Urls => new()
    {
        { "https://www.facebook.com/acme", "facebook", "acme", true },
        { "https://m.facebook.com/acme/", "facebook", "acme", true },
        { "https://facebook.com/profile.php?id=1000", "facebook", null, true },
        { "https://www.facebook.com/sharer/sharer.php?u=x", "facebook", null, false },
        { "https://instagram.com/acme.bakery", "instagram", "acme.bakery", true },
        { "https://www.instagram.com/p/Cxyz/", "instagram", null, false },
        { "https://twitter.com/acme", "x", "acme", true },
        { "https://x.com/intent/tweet?text=hi", "x", null, false },
        { "https://uk.linkedin.com/company/acme-ltd", "linkedin", "acme-ltd", true },
        { "https://www.pinterest.co.uk/acme/", "pinterest", "acme", true },
        { "https://www.youtube.com/@acme", "youtube", "acme", true },
        { "https://youtube.com/channel/UC1234567890123456789012", "youtube", "UC1234567890123456789012", true },
        { "https://www.youtube.com/watch?v=abc", "youtube", null, false },
        { "https://www.tiktok.com/@acme", "tiktok", "acme", true },
        { "https://www.threads.com/@acme", "threads", "acme", true },
        { "https://old.reddit.com/u/acme", "reddit", "acme", true },
        { "https://medium.com/@acme", "medium", "acme", true },
        { "https://acme.medium.com/", "medium", "acme", true },
        { "https://acme.substack.com", "substack", "acme", true },
        { "https://substack.com/@acme", "substack", "acme", true },
        { "https://www.yelp.com/biz/acme-bakery-springfield", "yelp", "acme-bakery-springfield", true },
        { "https://g.page/acme-bakery", "google-business", "acme-bakery", true },
        { "https://www.google.com/maps/place/Acme+Bakery", "google-business", null, true },
        { "https://mastodon.social/@acme", "mastodon", "acme", true },
        { "https://bsky.app/profile/acme.bsky.social", "bluesky", "acme.bsky.social", true },
        { "https://social.example.test/@acme", null, null, false },
        { "https://acme-bakery.test/about", null, null, false },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void RecognisesTheSiteAndHandleOfAUrl(string url, string? site, string? handle, bool isProfile)
    {
        var match = Rules.Recognise(new Uri(url));

        Assert.Equal((site, handle, isProfile), (match?.Site.Id, match?.Handle, match?.IsProfile ?? false));
    }

    [Fact]
    public void RecognisesAFederatedProfileOnAnUnknownHostOnlyWhenClaimedOrDeclared()
    {
        var url = new Uri("https://social.example.test/@acme");

        Assert.Null(Rules.Recognise(url));
        Assert.Equal("mastodon", Rules.Recognise(url, relMe: true)?.Site.Id);
        Assert.Equal(("mastodon", "acme"), (Rules.Resolve(url, Network.Mastodon)?.Site.Id, Rules.Resolve(url, Network.Mastodon)?.Handle));
        Assert.Null(Rules.Resolve(url, Network.Facebook));
    }

    [Theory]
    [InlineData("https://mastodon.social/@acme", "https://mastodon.social/api/v1/accounts/lookup?acct=acme")]
    [InlineData("https://bsky.app/profile/acme.bsky.social", "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=acme.bsky.social")]
    [InlineData("https://www.reddit.com/user/acme/", "https://www.reddit.com/user/acme/about.json")]
    [InlineData("https://www.facebook.com/acme", "https://www.facebook.com/acme")]
    public void FetchesASitesApiProbeInsteadOfItsPage(string profile, string fetched)
    {
        var match = Rules.Recognise(new Uri(profile))!;

        Assert.Equal(new Uri(fetched), match.Site.FetchUrl(new Uri(profile), match.Handle, apiOverride: null));
    }

    [Theory]
    [InlineData("https://www.facebook.com/login/?next=x", "facebook-login-wall")]
    [InlineData("https://www.instagram.com/accounts/login/", "instagram-login-wall")]
    [InlineData("https://www.linkedin.com/authwall?trk=x", "linkedin-authwall")]
    [InlineData("https://consent.youtube.com/m?continue=x", "youtube-consent-wall")]
    [InlineData("https://x.com/i/flow/login", "x-login-wall")]
    [InlineData("https://www.facebook.com/acme", null)]
    [InlineData("https://acme-bakery.test/login", null)]
    public void KnowsEachSitesLoginWalls(string url, string? rule) => Assert.Equal(rule, Rules.LoginWallAt(new Uri(url)));

    public static TheoryData<string, string> BadData => new()
    {
        { """{"version": 0}""", "version: must be a positive integer" },
        { """{"date": "23/11/2026"}""", "date: must be a yyyy-MM-dd date" },
        { """{"sources": []}""", "sources: must name where the rules come from" },
        { """{"surprise": true}""", "not valid rule data" },
        { """{"sites": [{"id": "facebook", "network": "myspace"}]}""", "sites[facebook].network: must be one of" },
        { """{"sites": [{"id": "facebook", "hosts": "(unclosed"}]}""", "sites[facebook].hosts: '(unclosed' is not a valid regular expression" },
        { """{"sites": [{"id": "facebook", "profiles": []}]}""", "sites[facebook].profiles: must give at least one profile URL shape" },
        { """{"sites": [{"id": "facebook", "rules": [{"id": "facebook-page-unavailable", "class": "dead", "status": ["2x4"]}]}]}""", "status: '2x4' is neither a status code" },
        { """{"sites": [{"id": "facebook", "rules": [{"id": "facebook-page-unavailable", "class": "gone"}]}]}""", "not valid rule data" },
        { """{"sites": [{"id": "facebook", "rules": [{"id": "facebook-page-unavailable", "class": "dead", "finalPath": "[a-"}]}]}""", "finalPath: '[a-' is not a valid regular expression" },
        { """{"sites": [{"id": "facebook", "rules": [{"id": "http-2xx", "class": "dead", "status": ["404"]}]}]}""", "'http-2xx' is already the id of another rule" },
        { """{"sites": [{"id": "facebook", "rules": [{"id": "facebook-anything", "class": "dead"}]}]}""", "only the last fallback rule may state no condition" },
        { """{"sites": [{"id": "facebook", "probe": "{origin}/api?u={user}"}]}""", "{user} is not a placeholder" },
        { """{"sites": [{"id": "reddit", "profiles": [{"path": "^/user/[a-z]+$"}]}]}""", "uses {handle}, so every profile shape must capture" },
        { """{"sites": [{"id": "bluesky", "api": null}]}""", "uses {api}, so the site needs an api origin" },
        { """{"sites": [{"id": "facebook", "rules": [{"id": "facebook-page-unavailable", "class": "dead", "movedTo": "moved.url", "status": ["200"]}]}]}""", "movedTo: only applies to a moved rule" },
        { """{"sites": [{"id": "mastodon", "rules": [{"id": "mastodon-moved", "class": "moved", "status": ["200"], "json": {"path": "moved", "present": true, "equalTo": 1}}]}]}""", "needs exactly one of equalTo and present" },
        { """{"fallback": []}""", "fallback: must end with a rule stating no condition" },
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public void RefusesBadRuleDataNamingWhereItIs(string change, string message)
    {
        var json = Merge(EmbeddedJson(), JsonNode.Parse(change)!.AsObject());

        var failure = Assert.Throws<ProfileRulesException>(() => ProfileRuleSet.Parse(json, "test-rules.json"));

        Assert.Contains("test-rules.json", failure.Message, StringComparison.Ordinal);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static JsonObject EmbeddedJson()
    {
        using var stream = typeof(ProfileRuleSet).Assembly.GetManifestResourceStream($"SocialWatch.Checks.Rules.{ProfileRuleSet.EmbeddedName}")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>Applies a change to the real rules: top-level members replace; a site in "sites" replaces the members it names in the site of the same id.</summary>
    private static string Merge(JsonObject rules, JsonObject change)
    {
        foreach (var (name, value) in change.ToList())
        {
            if (name != "sites")
            {
                rules[name] = value?.DeepClone();
                continue;
            }

            foreach (var site in value!.AsArray())
            {
                var target = rules["sites"]!.AsArray().Single(s => (string?)s!["id"] == (string?)site!["id"])!.AsObject();
                foreach (var (member, replacement) in site!.AsObject().ToList())
                {
                    target[member] = replacement?.DeepClone();
                }
            }
        }

        return rules.ToJsonString();
    }
}
