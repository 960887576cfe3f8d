using Microsoft.Playwright;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>The dashboard in Debian's Chromium: sign-in by business key, the plan and profiles shown, all of it by keyboard.</summary>
public sealed class DashboardInBrowser(ApiHost app, ChromiumBrowser chromium) : IClassFixture<ApiHost>, IClassFixture<ChromiumBrowser>
{
    private Uri Dashboard => new(app.BaseAddress, "api/dashboard");

    [Fact]
    public async Task SignsInWithAKeyAndShowsTheBusinessItsPlanAndProfiles()
    {
        var (_, key) = await CreateBusinessAsync();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(Dashboard.ToString());
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForViewsAsync(page);
        await browser.ScreenshotAsync("dashboard-signed-in");

        Assert.Equal("Rosé Bakery", await page.Locator("#business-title").TextContentAsync());
        var plan = page.Locator("#view-plan");
        Assert.Equal(["Instagram", "primary", "4", "Bread baked at dawn, every day."], await plan.Locator("table").Nth(1).Locator("tbody tr").First.Locator("td").AllTextContentsAsync());
        Assert.Contains("leads-per-month", await plan.Locator("table").First.TextContentAsync(), StringComparison.Ordinal);
        var profiles = page.Locator("#view-profiles ul.profiles > li");
        Assert.Equal(["Instagram: rosebakery", $"Instagram: {BrowserScenario.MarkupHandle}", "Facebook: rosebakery", "YouTube: rosebakery"], await profiles.Locator("a").AllTextContentsAsync());
        // The health endpoint answers: each profile shows its declared health and its posting (staleness) badge.
        Assert.Equal(8, await profiles.Locator(".badge").CountAsync());
        Assert.Equal(4, await profiles.Locator(".badge", new() { HasTextString = "health: " }).CountAsync());
        Assert.Equal(0, await page.Locator("#views img").CountAsync());
        Assert.Equal("SocialWatch dashboard", await page.TitleAsync());
        Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);
        Assert.Equal(key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('socialwatch.apiKey')"));
        Assert.Empty(browser.Faults);

        // The key lasts as long as the tab: a reload stays signed in, signing out forgets it.
        await page.ReloadAsync();
        await WaitForViewsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.True(await page.GetByLabel("API key").IsVisibleAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('socialwatch.apiKey')"));
    }

    [Fact]
    public async Task RefusesAKeyTheApiDoesNotKnow()
    {
        var (id, _) = await CreateBusinessAsync();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(Dashboard.ToString());
        await page.GetByLabel("API key").FillAsync($"swk.{id}.0123456789abcdef.c2VjcmV0LW5vYm9keS1pc3N1ZWQ");
        await page.GetByLabel("API key").PressAsync("Enter");
        var alert = page.Locator("#sign-in-error");
        await Assertions.Expect(alert).ToHaveTextAsync("This key was refused: it is unknown, revoked or mistyped.");
        await browser.ScreenshotAsync("dashboard-key-refused");

        Assert.True(await page.Locator("#views").IsHiddenAsync());
    }

    [Fact]
    public async Task ReachesTheSignInAndTheProfileListByKeyboard()
    {
        var (_, key) = await CreateBusinessAsync();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync(Dashboard.ToString());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await FocusedTextAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("api-key", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await WaitForViewsAsync(page);
        Assert.Equal("business-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        var presses = 0;
        while (!await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('ul.profiles')"))
        {
            Assert.True(++presses <= 20, "The profile list was not reached within 20 presses of Tab.");
            await page.Keyboard.PressAsync("Tab");
        }

        await browser.ScreenshotAsync("dashboard-keyboard-profile");
        Assert.Equal("Instagram: rosebakery", await FocusedTextAsync(page));
    }

    private static async Task WaitForViewsAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#view-profiles[aria-busy='false'] ul.profiles")).ToBeVisibleAsync();

    private static Task<string> FocusedTextAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.textContent");

    private async Task<(string Id, string Key)> CreateBusinessAsync()
    {
        var id = await app.Client.CreateBusinessAsync();
        await app.Client.AddPlanAndProfilesAsync(id);
        return (id, await app.Client.IssueKeyAsync(id, "owner"));
    }
}
