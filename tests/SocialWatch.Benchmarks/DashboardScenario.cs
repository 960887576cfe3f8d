using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>
/// First render of the dashboard in Debian's Chromium, headless, on loopback: the published worker run by the local host
/// (as the scoring figures run it) with a business of 20 profiles and 3 years of weekly scored snapshots. Each run opens a
/// fresh browser context (empty cache) already signed in, and reads from the page the time from navigation to the
/// charts drawn (the performance mark app.js sets) and the bytes transferred (Resource Timing: compressed bodies and
/// headers, the page's files and its API answers). The baseline, in the same runs: the same navigation without a key,
/// which shows the sign-in page of the same files and calls no API (time to its DOMContentLoaded end). Then the signed-in
/// render again, each after the read cache's TTL, so that it reads the scored history from storage.
/// </summary>
internal static class DashboardScenario
{
    public const int Runs = 7;
    private const int Weeks = 156;
    private const int PageWeightTarget = 200 * 1024;
    private const string ChartsDrawn = "socialwatch:charts-drawn";
    private const string KeyStorage = "socialwatch.apiKey";

    public static async Task RunAsync(BenchmarkOptions options, IReadOnlyDictionary<string, string?> settings, string adminKey, CancellationToken cancellationToken)
    {
        if (!File.Exists(DebianChromium.ExecutablePath))
        {
            // Before loading three years of snapshots for nothing.
            Console.WriteLine(Invariant($"Dashboard first render: not measured, Chromium is not at {DebianChromium.ExecutablePath} (scripts/test installs Debian's package)"));
            Console.WriteLine();
            return;
        }

        // The host's queue listener scores what is posted; the page and its API answers come through the host's front door.
        await using var app = await AppHost.StartAsync(settings, workerDirectory: options.Worker, hostAssembly: options.Host);
        var baseAddress = app.BaseAddress;
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

        Console.WriteLine(Invariant($"Dashboard first render: Debian's Chromium headless, loopback, through the local host, {ScoringScenario.Profiles} profiles x {Weeks} weeks scored, {Runs} runs each in a fresh context (empty cache)"));
        var business = await ScoringScenario.Business.CreateAsync(client, adminKey, "bench-dashboard", cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var since = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - (7 * Weeks));
        var clock = Stopwatch.StartNew();
        foreach (var weeks in Enumerable.Range(0, Weeks).Chunk(26))
        {
            await business.PostAsync(client, "text/csv", ScoringScenario.Csv(business.ProfileIds, weeks.Select(w => since.AddDays(7 * w))), cancellationToken);
        }

        await business.WaitForScoredAsync(client, ScoringScenario.Profiles * Weeks, TimeSpan.FromMinutes(20), cancellationToken);
        Console.WriteLine(Invariant($"  loaded and scored {ScoringScenario.Profiles * Weeks} snapshots in {clock.Elapsed.TotalSeconds:0} s"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var dashboard = new Uri(baseAddress, "api/dashboard").ToString();
        // One of each first, unmeasured: the app's and the browser's first-use costs (JIT, connection set-up) are not the page's.
        await RenderAsync(browser, dashboard, business.OwnerKey);
        await RenderAsync(browser, dashboard, null);
        var signedIn = new List<Render>();
        var signInPage = new List<Render>();
        for (var run = 0; run < Runs; run++)
        {
            signedIn.Add(await RenderAsync(browser, dashboard, business.OwnerKey));
            signInPage.Add(await RenderAsync(browser, dashboard, null));
        }

        // The runs above follow each other within the read cache's TTL, so most find the scored history in memory. These
        // wait the TTL out first: each reads the history from storage, once, for its goals, series and campaigns together.
        var afterTtl = new List<Render>();
        for (var run = 0; run < Runs; run++)
        {
            await Task.Delay(new StorageOptions().ReadCacheTtl + TimeSpan.FromSeconds(1), cancellationToken);
            afterTtl.Add(await RenderAsync(browser, dashboard, business.OwnerKey));
        }

        var charts = Median(signedIn.Select(r => r.Milliseconds));
        var baseline = Median(signInPage.Select(r => r.Milliseconds));
        var weight = signedIn[^1];
        Console.WriteLine(Invariant($"  navigation to charts drawn ({weight.Charts} charts): median {charts:0} ms (min {signedIn.Min(r => r.Milliseconds):0}, max {signedIn.Max(r => r.Milliseconds):0})"));
        Console.WriteLine(Invariant($"  baseline, navigation to the sign-in page ready (same files, no API call): median {baseline:0} ms (min {signInPage.Min(r => r.Milliseconds):0}, max {signInPage.Max(r => r.Milliseconds):0})"));
        Console.WriteLine(Invariant($"  ratio x{charts / baseline:0.0}; the difference, {charts - baseline:0} ms, is the API answers and drawing"));
        Console.WriteLine("  API requests, median start to end: " + ApiBreakdown(signedIn));
        Console.WriteLine(Invariant($"  the same after the read cache's TTL (the scored history read from storage): median {Median(afterTtl.Select(r => r.Milliseconds)):0} ms (min {afterTtl.Min(r => r.Milliseconds):0}, max {afterTtl.Max(r => r.Milliseconds):0}); API requests: {ApiBreakdown(afterTtl)}"));
        Console.WriteLine(Invariant($"  page weight transferred: {Kb(weight.Bytes)} over {weight.Requests} requests (page files {Kb(weight.FileBytes)} Brotli, API answers {Kb(weight.Bytes - weight.FileBytes)}); target <= {Kb(PageWeightTarget)}: {(weight.Bytes <= PageWeightTarget ? "met" : "MISSED")}"));
        Console.WriteLine(Invariant($"  baseline page weight: {Kb(signInPage[^1].Bytes)} over {signInPage[^1].Requests} requests"));
        Console.WriteLine();
    }

    private static async Task<Render> RenderAsync(IBrowser browser, string dashboard, string? key)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        if (key is not null)
        {
            // Signed in before any script of the page runs, as a reload of a signed-in tab is.
            await context.AddInitScriptAsync($"sessionStorage.setItem('{KeyStorage}', '{key}')");
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(dashboard);
        double milliseconds;
        if (key is null)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            milliseconds = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
        }
        else
        {
            await page.WaitForFunctionAsync($"() => performance.getEntriesByName('{ChartsDrawn}').length > 0", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            milliseconds = await page.EvaluateAsync<double>($"() => performance.getEntriesByName('{ChartsDrawn}')[0].startTime");
        }

        var api = JsonSerializer.Deserialize<ApiRequest[]>(
            await page.EvaluateAsync<string>("""
                () => JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.includes('/api/businesses/'))
                  .map(e => ({ path: new URL(e.name).pathname.split('/').slice(4).join('/') || '(business)', milliseconds: e.responseEnd - e.startTime })))
                """),
            JsonSerializerOptions.Web)!;
        var sizes = await page.EvaluateAsync<double[]>("""
            () => {
              const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
              const files = entries.filter(e => e.name.includes('/api/dashboard'));
              const sum = list => list.reduce((total, e) => total + e.transferSize, 0);
              return [sum(entries), sum(files), entries.length, document.querySelectorAll('svg.plot').length];
            }
            """);
        return new Render(milliseconds, (long)sizes[0], (long)sizes[1], (int)sizes[2], (int)sizes[3], api);
    }

    /// <summary>Where the time goes: each API request from its start to its last byte, median over the runs, slowest first.</summary>
    private static string ApiBreakdown(IEnumerable<Render> renders) =>
        string.Join(", ", renders.SelectMany(r => r.Api).GroupBy(a => a.Path).Select(g => (Path: g.Key, Milliseconds: Median(g.Select(a => a.Milliseconds))))
            .OrderByDescending(a => a.Milliseconds).Select(a => Invariant($"{a.Path} {a.Milliseconds:0} ms")));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Kb(long bytes) => Invariant($"{bytes / 1024.0:0.0} KB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <param name="Bytes">Transferred for the page and everything it fetched (compressed bodies and headers).</param>
    /// <param name="FileBytes">Of those, the page's own files (HTML, script, styles).</param>
    /// <param name="Api">Each API request the page made, by path under the business, and its time from start to last byte.</param>
    private sealed record Render(double Milliseconds, long Bytes, long FileBytes, int Requests, int Charts, IReadOnlyList<ApiRequest> Api);

    private sealed record ApiRequest(string Path, double Milliseconds);
}
