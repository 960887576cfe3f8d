using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>
/// From a dead profile to the owner's dashboard, end to end: the app (the local host and the worker) sweeps the fake
/// networks on its own schedule, declares the profile dead and mails maildev; the email's link opens the business's
/// dashboard in Debian's Chromium, signed in without a key; the same link with one character changed is refused on the page.
/// </summary>
public sealed partial class SignInLinkInBrowser(AzuriteFixture azurite, FakeNetworks fakes, ChromiumBrowser chromium)
    : IClassFixture<FakeNetworks>, IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly int port = FreePort.Next();
    private MaildevServer maildev = null!;
    private AppHost app = null!;

    private HttpClient Client => app.Client;

    private Uri Dashboard => new($"http://127.0.0.1:{port}/api/dashboard");

    public async ValueTask InitializeAsync()
    {
        maildev = await MaildevServer.StartAsync();
        // Declared dead on its first dead result (one result over no time), swept every 2 s: one sweep makes the email.
        var settings = TestSettings.For(azurite, AzuriteFixture.NewPrefix(), maildev.SmtpPort);
        foreach (var (key, value) in fakes.Settings(
            [
                ("SocialWatch:Checks:SweepGuard:CanaryUrls:0", fakes.Url("canary.test", "/").AbsoluteUri),
                ("SocialWatch:Checks:DeadDeclaration:ConsecutiveDeadResults", "1"),
                ("SocialWatch:Checks:DeadDeclaration:MinimumSpan", "00:00:00"),
                ("SocialWatch:SignInLinks:DashboardUrl", Dashboard.AbsoluteUri),
                ("SWEEP_SCHEDULE", "*/2 * * * * *"),
            ]))
        {
            settings[key] = value;
        }

        app = await AppHost.StartAsync(settings, port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await maildev.DisposeAsync();
    }

    [Fact]
    public async Task TheDeadProfilesEmailSignsTheOwnerInToTheBusinessDashboard()
    {
        var (business, link) = await DeadProfileEmailLinkAsync();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(link.AbsoluteUri);
        await Assertions.Expect(page.Locator("#business-title")).ToHaveTextAsync("Rosé Bakery");
        var profile = page.Locator("#view-profiles ul.profiles > li");
        await Assertions.Expect(profile.Locator(".badge").First).ToHaveTextAsync("health: dead");
        await browser.ScreenshotAsync("dashboard-signed-in-by-email-link");

        Assert.Equal("YouTube: ghost", await profile.Locator("a").TextContentAsync());
        Assert.Equal("Signed in to Rosé Bakery", await page.Locator("#who").TextContentAsync());
        // The token left the address bar (and so the history) as soon as the page read it.
        Assert.Equal(Dashboard.AbsoluteUri, page.Url);
        Assert.Equal(link.Fragment["#link=".Length..], await page.EvaluateAsync<string>("() => sessionStorage.getItem('socialwatch.apiKey')"));
        Assert.Equal(business, link.Fragment.Split('.')[2]);
        Assert.Empty(browser.Faults);
    }

    [Fact]
    public async Task AnAlteredLinkIsRefusedOnThePageSayingWhy()
    {
        var (_, link) = await DeadProfileEmailLinkAsync();
        // One digit of the expiry changed: still well-formed, no longer the text that was signed.
        var tampered = ExpiryDigit().Replace(link.AbsoluteUri, match => match.Value[..^1] + (match.Value[^1] == '9' ? '8' : '9'), 1);
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(tampered);
        var alert = page.Locator("#sign-in-error");
        await Assertions.Expect(alert).ToContainTextAsync("This sign-in link was refused. The sign-in link has been altered");
        await browser.ScreenshotAsync("dashboard-altered-link-refused");

        Assert.True(await page.GetByLabel("API key").IsVisibleAsync());
        Assert.True(await page.Locator("#views").IsHiddenAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('socialwatch.apiKey')"));
        Assert.Equal(Dashboard.AbsoluteUri, page.Url);
    }

    /// <summary>A business with one YouTube profile the fake network answers 404 for; waits for its email and returns its link.</summary>
    private async Task<(string Business, Uri Link)> DeadProfileEmailLinkAsync()
    {
        var business = await Client.CreateBusinessAsync("l-" + Guid.NewGuid().ToString("N")[..12]);
        await Client.CreateProfileAsync(business, new JsonObject
        {
            ["network"] = "youtube",
            ["url"] = fakes.Url("www.youtube.com", "/@ghost").AbsoluteUri,
            ["handle"] = "ghost",
        });

        MaildevServer.ReceivedEmail? email = null;
        await Eventually.TrueAsync(
            async () => (email = (await maildev.EmailsAsync()).FirstOrDefault(e => e.Subject.StartsWith("Rosé Bakery", StringComparison.Ordinal) && e.Text?.Contains($".{business}.", StringComparison.Ordinal) == true)) is not null,
            "the dead profile's email",
            TimeSpan.FromSeconds(60));

        Assert.Contains("can no longer be found", email!.Subject, StringComparison.Ordinal);
        var link = Assert.Single(DashboardLink().Matches(email.Text!)).Value;
        Assert.StartsWith($"{Dashboard.AbsoluteUri}#link=swl.dashboard.{business}.", link, StringComparison.Ordinal);
        return (business, new Uri(link));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/dashboard#link=\S+")]
    private static partial Regex DashboardLink();

    /// <summary>The expiry field: the fourth dot-separated field of the token, all digits.</summary>
    [GeneratedRegex(@"(?<=#link=swl\.dashboard\.[a-z0-9-]+\.)\d+")]
    private static partial Regex ExpiryDigit();
}
