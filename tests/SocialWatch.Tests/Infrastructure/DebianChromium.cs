using Microsoft.Playwright;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, which scripts/test installs when missing), headless, driven by Playwright through
/// the node driver its package ships: nothing downloads a browser. The browser tests and the first-render benchmark share it.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        File.Exists(ExecutablePath)
            ? playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments })
            : throw new InvalidOperationException($"Chromium is not at {ExecutablePath}: install Debian's package (apt-get install -y chromium), as scripts/test does.");
}
