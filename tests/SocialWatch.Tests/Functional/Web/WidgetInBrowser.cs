using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>
/// The widget in Debian's Chromium, on a business's site served from another origin than the app's: it lists the business's
/// profiles when the business lists that origin (CORS proven by a real browser), and nothing when it does not.
/// </summary>
public sealed class WidgetInBrowser(LoopbackApiHost app, ChromiumBrowser chromium) : IClassFixture<LoopbackApiHost>, IClassFixture<ChromiumBrowser>
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

    private async Task<(string Id, string Key)> CreateBusinessAsync(string origin)
    {
        var business = ApiScenario.Business("w-" + Guid.NewGuid().ToString("N")[..12]);
        business["allowedOrigins"] = new JsonArray(origin);
        var created = await app.Client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, business);
        var id = (string)(await created.OkJsonAsync(System.Net.HttpStatusCode.Created))["id"]!;
        await app.Client.AddPlanAndProfilesAsync(id);
        return (id, await app.Client.IssueKeyAsync(id, "read"));
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
