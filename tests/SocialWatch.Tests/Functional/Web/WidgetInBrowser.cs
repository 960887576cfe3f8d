using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>
/// The widget in Debian's Chromium, on a business's site served from another origin than the app's: it lists the business's
/// live profiles when the business lists that origin (CORS proven by a real browser), and nothing when it does not.
/// </summary>
public sealed class WidgetInBrowser(ApiHost app, ChromiumBrowser chromium) : IClassFixture<ApiHost>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task ListsTheProfilesOnASiteTheBusinessLists()
    {
        await using var site = await TestSite.StartAsync();
        var (id, key) = await CreateBusinessAsync(site.OriginText);
        site.Html = SitePage(id, key);
        await using var browser = await chromium.NewPageAsync();

        await browser.Page.GotoAsync(site.Origin.ToString());
        var links = browser.Page.Locator("nav.socialwatch-widget ul.socialwatch-profiles > li > a");
        await links.First.WaitForAsync();
        await browser.ScreenshotAsync("widget-listed-origin");

        Assert.Equal(["Instagram (rosebakery)", $"Instagram ({BrowserScenario.MarkupHandle})", "Facebook", "YouTube"], await links.AllTextContentsAsync());
        Assert.Equal("https://youtube.example/rosebakery", await links.Nth(3).GetAttributeAsync("href"));
        Assert.Equal("Our social profiles", await browser.Page.Locator("nav.socialwatch-widget").GetAttributeAsync("aria-label"));
        Assert.Equal(0, await browser.Page.Locator("nav.socialwatch-widget img").CountAsync());
        Assert.Equal("Rosé Bakery", await browser.Page.TitleAsync());
        Assert.Empty(browser.Faults);
    }

    /// <summary>
    /// Dead (declared) and abandoned profiles are hidden; a profile whose health is unknown (not checked yet, or behind a
    /// login wall or bot challenge, which proves nothing) stays listed: hiding it would hide live profiles.
    /// </summary>
    [Fact]
    public async Task ListsOnlyTheLiveProfilesHidingDeadAndAbandonedOnes()
    {
        await using var site = await TestSite.StartAsync();
        var (id, key) = await CreateBusinessAsync(site.OriginText, withProfiles: false);
        var now = DateTimeOffset.UtcNow;
        await SeedProfileAsync(id, "instagram", DeclaredHealth.Alive, lastPost: now.AddHours(-3));
        await SeedProfileAsync(id, "facebook", DeclaredHealth.Dead, lastPost: now.AddDays(-2));
        await SeedProfileAsync(id, "youtube", DeclaredHealth.Alive, lastPost: now.AddDays(-400));
        await SeedProfileAsync(id, "mastodon", health: null, lastPost: null);
        site.Html = SitePage(id, key);
        await using var browser = await chromium.NewPageAsync();

        await browser.Page.GotoAsync(site.Origin.ToString());
        var links = browser.Page.Locator("nav.socialwatch-widget ul.socialwatch-profiles > li > a");
        await links.First.WaitForAsync();
        await browser.ScreenshotAsync("widget-live-profiles-only");

        var health = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal(
            ["instagram alive active", "facebook dead active", "youtube alive abandoned", "mastodon unknown unknown"],
            health["profiles"]!.AsArray().Select(p => $"{p!["network"]} {p["health"]} {p["staleness"]}"));
        Assert.Equal(["Instagram", "Mastodon"], await links.AllTextContentsAsync());
        Assert.Empty(browser.Faults);
    }

    [Fact]
    public async Task ShowsNothingOnASiteTheBusinessDoesNotList()
    {
        await using var site = await TestSite.StartAsync();
        var (id, key) = await CreateBusinessAsync("https://rose-bakery.example");
        site.Html = SitePage(id, key);
        await using var browser = await chromium.NewPageAsync();

        await browser.Page.GotoAsync(site.Origin.ToString());
        await Eventually.TrueAsync(() => browser.Console.Any(m => m.Contains("CORS policy", StringComparison.Ordinal)), "the browser's CORS refusal");
        await Eventually.TrueAsync(() => browser.Console.Any(m => m.Contains("SocialWatch", StringComparison.Ordinal) || m.Contains("Failed to fetch", StringComparison.Ordinal)), "the widget giving up");
        await browser.ScreenshotAsync("widget-unlisted-origin");

        Assert.Equal(0, await browser.Page.Locator("nav.socialwatch-widget").CountAsync());
        Assert.Contains(browser.Console, m => m.Contains($"from origin '{site.OriginText}' has been blocked by CORS policy", StringComparison.Ordinal));
    }

    private async Task<(string Id, string Key)> CreateBusinessAsync(string origin, bool withProfiles = true)
    {
        var business = ApiScenario.Business("w-" + Guid.NewGuid().ToString("N")[..12]);
        business["allowedOrigins"] = new JsonArray(origin);
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, business);
        var id = (string)(await created.OkJsonAsync(System.Net.HttpStatusCode.Created))["id"]!;
        if (withProfiles)
        {
            await app.Client.AddPlanAndProfilesAsync(id);
        }
        else
        {
            await app.Client.SavePlanAsync(id);
        }

        return (id, await app.Client.IssueKeyAsync(id, "read"));
    }

    /// <summary>A profile with its health as checks and collectors would have left it (null: never checked, nothing known).</summary>
    private async Task SeedProfileAsync(string businessId, string network, DeclaredHealth? health, DateTimeOffset? lastPost)
    {
        var profileId = await app.Client.CreateProfileAsync(businessId, ApiScenario.Profile(network, "rosebakery"));
        if (health is not { } state)
        {
            return;
        }

        var since = DateTimeOffset.UtcNow.AddDays(-3);
        var stored = ProfileHealth.New(new ProfileKey(businessId, profileId)) with
        {
            Verdict = HealthVerdict.Initial with { State = state, Since = since, LastConclusiveAt = since },
            Activity = lastPost is { } at ? new LastActivity(at, ActivitySource.Collector) : null,
        };
        var written = await app.Services.GetRequiredService<IProfileHealthStore>().UpsertAsync(stored, TestContext.Current.CancellationToken);
        Assert.Equal(WriteStatus.Written, written.Status);
    }

    /// <summary>The business's page as its web designer writes it: one script tag, as the widget's header says.</summary>
    private string SitePage(string id, string key) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Rosé Bakery</title></head>
        <body>
          <h1>Rosé Bakery</h1>
          <p>Find us on:</p>
          <script src="{new Uri(app.BaseAddress, "api/widget.js")}" data-business="{id}" data-key="{key}" async></script>
        </body>
        </html>
        """;
}
