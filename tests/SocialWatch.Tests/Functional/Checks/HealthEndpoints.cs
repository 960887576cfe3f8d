using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>The health, link-audit and activity HTTP functions: what they show after sweeps, and what they refuse.</summary>
public sealed class HealthEndpoints(AzuriteFixture azurite, FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    [Fact]
    public async Task ShowTheBusinessSummaryEachProfilesStateAndHistory()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, api: true);
        var business = await app.CreateBusinessAsync(fakes);
        var alive = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/acme/"));
        var ghost = await app.CreateProfileAsync(business, Network.Facebook, fakes.Url("www.facebook.com", "/ghost"));
        await (await app.Client.SendAsync(HttpMethod.Post, $"/api/businesses/{business}/profiles/{alive}/activity", ApiHost.AdminKey, new JsonObject { ["at"] = "2026-11-15T10:00:00Z" })).OkJsonAsync();

        await app.SweepAndCheckAsync(2, TimeSpan.FromHours(12));

        var summary = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal(1, (int)summary["byHealth"]!["alive"]!);
        Assert.Equal(1, (int)summary["byHealth"]!["unknown"]!);
        Assert.Equal(1, (int)summary["byStaleness"]!["stale"]!);
        Assert.Equal(1, (int)summary["byStaleness"]!["unknown"]!);
        Assert.Equal(2, summary["profiles"]!.AsArray().Count);

        var profile = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles/{ghost}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal("unknown", (string?)profile["health"]);
        Assert.Equal(2, (int)profile["deadRun"]!);
        Assert.Equal("dead", (string?)profile["lastResult"]);
        Assert.Equal("facebook-page-unavailable", (string?)profile["lastCheck"]!["ruleId"]);
        Assert.Equal(["dead", "dead"], profile["history"]!.AsArray().Select(h => (string?)h!["class"]));
        Assert.Null(profile["lastActivity"]);
    }

    [Fact]
    public async Task ShowsTheLinkAuditWithPagesRegisteredProfilesAndUnregisteredOnes()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, api: true, ("SocialWatch:Checks:LinkAudit:MaxPages", "3"));
        var business = await app.CreateBusinessAsync(fakes);
        var facebook = await app.CreateProfileAsync(business, Network.Facebook, fakes.Url("www.facebook.com", "/acme"));

        await app.AuditWebsitesAsync();

        var audit = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/link-audit", ApiHost.AdminKey)).OkJsonAsync();
        var links = audit["links"]!.AsArray();
        var registered = Assert.Single(links, l => (string?)l!["profileId"] == facebook)!;
        Assert.Equal(2, registered["pages"]!.AsArray().Count);
        Assert.Equal("alive", (string?)registered["health"]);
        Assert.Equal(0, (int)audit["deadLinks"]!);
        Assert.Equal(4, (int)audit["unregisteredProfileLinks"]!);
        Assert.Equal("unknown", (string?)Assert.Single(links, l => (string?)l!["siteId"] == "instagram")!["health"]);
    }

    [Fact]
    public async Task RecordsActivityNowWhenTheBodyIsLeftOut()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, api: true);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/acme/"));

        // The worker runs on the real clock (only the test's own functions run on the fake one).
        var before = DateTimeOffset.UtcNow;
        var health = await (await app.Client.SendAsync(HttpMethod.Post, $"/api/businesses/{business}/profiles/{profile}/activity", ApiHost.AdminKey)).OkJsonAsync();

        Assert.Equal("owner", (string?)health["lastActivity"]!["source"]);
        Assert.InRange((DateTimeOffset)health["lastActivity"]!["at"]!, before, DateTimeOffset.UtcNow);
        Assert.Equal("active", (string?)health["staleness"]);
    }

    [Theory]
    [InlineData("""{"at":"yesterday"}""", "at")]
    [InlineData("""{"at":"2030-01-01T00:00:00Z"}""", "at")]
    [InlineData("""{"when":"2026-11-01T00:00:00Z"}""", "when")]
    public async Task RefusesBadActivityWithAProblemNamingTheField(string body, string field)
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, api: true);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/acme/"));

        var response = await app.Client.SendRawAsync(HttpMethod.Post, $"/api/businesses/{business}/profiles/{profile}/activity", ApiHost.AdminKey, body);

        Assert.Contains(field, (await response.ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Null(await app.HealthAsync(business, profile));
    }

    [Fact]
    public async Task LetsAReadKeySeeHealthButNotRecordActivity()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, api: true);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/acme/"));
        var readKey = await app.Client.IssueKeyAsync(business, "read");

        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/health", readKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(HttpMethod.Post, $"/api/businesses/{business}/profiles/{profile}/activity", readKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles/{Guid.CreateVersion7():D}/health", readKey)).StatusCode);
    }
}
