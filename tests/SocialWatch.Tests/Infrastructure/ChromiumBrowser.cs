using Microsoft.Playwright;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// <see cref="DebianChromium"/> as a class fixture: one browser per test class, a fresh context (no shared cookies, storage
/// or cache) per page.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ScreenshotFolder => RepositoryRoot.Combine("artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await DebianChromium.LaunchAsync(playwright);
    }

    /// <summary>A page in its own context, with every console message it logs recorded.</summary>
    public async Task<BrowserPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>A page and what its console said (with its uncaught script errors); disposing closes its context.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> console = [];

    internal BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) => Record($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => Record($"pageerror: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Console
    {
        get
        {
            lock (console)
            {
                return [.. console];
            }
        }
    }

    /// <summary>Script errors the page did not catch and Content-Security-Policy refusals: a page in order has none.</summary>
    public IReadOnlyList<string> Faults =>
        [.. Console.Where(m => m.StartsWith("pageerror:", StringComparison.Ordinal) || m.Contains("Content Security Policy", StringComparison.Ordinal))];

    /// <summary>A full-page screenshot kept as a test artifact in artifacts/screenshots/{name}.png.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumBrowser.ScreenshotFolder, name + ".png"), FullPage = true });

    public ValueTask DisposeAsync() => context.DisposeAsync();

    private void Record(string line)
    {
        lock (console)
        {
            console.Add(line);
        }
    }
}
