using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>
/// The dashboard on the demo business in Debian's Chromium: each view shows the figures the API serves (health, link audit,
/// engagement charts against baseline and industry median, goals, campaign log, year over year), by keyboard too, at a
/// readable contrast, on a desktop and on a phone.
/// </summary>
public sealed class DashboardWithDemoData(DemoDashboardHost demo, ChromiumBrowser chromium) : IClassFixture<DemoDashboardHost>, IClassFixture<ChromiumBrowser>
{
    private const string ChartsDrawn = "socialwatch:charts-drawn";

    private static readonly string[] ViewIds = ["business", "plan", "profiles", "links", "engagement", "goals", "campaigns", "year-over-year"];

    [Fact]
    public async Task ShowsProfileHealthWithWhatToDoAndTheDeadLinksWithThePagesHoldingThem()
    {
        await using var browser = await SignedInAsync();
        var page = browser.Page;
        var health = await demo.GetAsync("health");

        foreach (var profile in health["profiles"]!.AsArray())
        {
            var item = page.Locator($"#view-profiles li[data-profile='{(string)profile!["profileId"]!}']");
            var badges = await item.Locator(".badge").AllTextContentsAsync();
            Assert.Equal([$"health: {(string)profile["health"]!}", $"posting: {(string)profile["staleness"]!}"], badges);
            var lastPost = Day((string?)profile["lastActivity"]?["at"]) ?? "not known";
            var lastCheck = profile["lastCheck"] is { } check ? $"{Day((string)check["checkedAt"]!)} ({(string)check["class"]!})" : "none yet";
            Assert.Equal($"Last post: {lastPost} · Last check: {lastCheck}", await item.Locator(".facts").TextContentAsync());
        }

        var dead = Profile(health, "facebook");
        Assert.Equal("dead", (string)dead["health"]!);
        Assert.StartsWith("The profile is gone", await Advice(page, dead), StringComparison.Ordinal);
        Assert.StartsWith("Nobody has posted for a long time", await Advice(page, Profile(health, "x")), StringComparison.Ordinal);
        Assert.Equal($"3 profiles. Health: {Counts(health["byHealth"]!)}. Posting: {Counts(health["byStaleness"]!)}.", await page.Locator("#view-profiles .summary").TextContentAsync());
        Assert.Contains("1 dead", Counts(health["byHealth"]!), StringComparison.Ordinal);
        Assert.Contains("1 abandoned", Counts(health["byStaleness"]!), StringComparison.Ordinal);

        var audit = await demo.GetAsync("link-audit");
        Assert.Equal(1, (int)audit["deadLinks"]!);
        var rows = page.Locator("#view-links tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        var deadRow = rows.Filter(new() { HasTextString = (string)dead["url"]! });
        Assert.Equal("dead", await deadRow.Locator(".badge").TextContentAsync());
        Assert.Equal(DemoDashboardHost.DeadLinkPages, await deadRow.Locator(".pages a").AllTextContentsAsync());
        Assert.Equal("Remove or replace this link on the pages listed.", await deadRow.Locator("td").Last.TextContentAsync());
        var unregistered = rows.Filter(new() { HasTextString = DemoDashboardHost.UnregisteredLink });
        Assert.Equal("alive, not registered", await unregistered.Locator(".badge").TextContentAsync());
        await browser.ScreenshotAsync("dashboard-demo-health");
        Assert.Empty(browser.Faults);
    }

    [Fact]
    public async Task DrawsEachProfilesEngagementAgainstItsBaselineAndTheIndustryMedianFromTheSeries()
    {
        await using var browser = await SignedInAsync();
        var page = browser.Page;
        var series = (await demo.GetAsync("series"))["profiles"]!.AsArray();

        Assert.Equal(series.Count, await page.Locator("#view-engagement figure.chart").CountAsync());
        foreach (var profile in series)
        {
            var figure = page.Locator($"#view-engagement figure[data-profile='{(string)profile!["profileId"]!}']");
            var starts = profile["periodStarts"]!.AsArray().Select(d => (string)d!).ToArray();
            var values = profile["values"]!.AsArray().Select(v => (double?)v).ToArray();
            var points = Points(await figure.Locator("path.series").GetAttributeAsync("d"));
            Assert.Equal(values.Count(v => v is not null), points.Count);
            // The x axis runs by date from the first period (the plot's left edge, 44) to the last (its right edge, 350).
            var days = starts.Select(s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber).ToArray();
            var lastValued = Array.FindLastIndex(values, v => v is not null);
            Assert.Equal(44, points[0].X, 0.05);
            Assert.Equal(44 + (306.0 * (days[lastValued] - days[0]) / (days[^1] - days[0])), points[^1].X, 0.05);
            Assert.True(points.Select(p => p.Y).Distinct().Count() > 1, "The line is flat: the values were not plotted.");

            var chart = figure.Locator("svg.plot");
            Assert.Equal("img", await chart.GetAttributeAsync("role"));
            var label = await chart.GetAttributeAsync("aria-label");
            Assert.Contains($"{starts.Length} weeks from {starts[0]} to {starts[^1]}; latest {Percent(values.Last(v => v is not null))}, baseline {Percent((double?)profile["baseline"])}, industry median {Percent((double?)profile["industryMedian"])}.", label, StringComparison.Ordinal);
            var legend = await figure.Locator("ul.legend li").AllTextContentsAsync();
            Assert.Contains($"Your baseline {Percent((double?)profile["baseline"])}", legend);
            Assert.Contains(legend, l => l.StartsWith($"Industry median {Percent((double?)profile["industryMedian"])} (", StringComparison.Ordinal));
            Assert.Equal(1, await chart.Locator("line.baseline").CountAsync());
            Assert.Equal(1, await chart.Locator("line.industry").CountAsync());
            Assert.Equal([starts[^1], Percent(values[^1])], await figure.Locator("details tbody tr").First.Locator("td").AllTextContentsAsync());
        }

        Assert.Equal(1, await page.EvaluateAsync<int>($"() => performance.getEntriesByName('{ChartsDrawn}').length"));
        await browser.ScreenshotAsync("dashboard-demo-engagement");
        Assert.Empty(browser.Faults);
    }

    [Fact]
    public async Task ShowsGoalsProgressTheCampaignLogAndOnDemandTheYearOverYearReview()
    {
        await using var browser = await SignedInAsync();
        var page = browser.Page;
        var goals = (await demo.GetAsync("goals"))["goals"]!.AsArray();

        Assert.Equal(goals.Count, await page.Locator("#view-goals ul.goals > li").CountAsync());
        foreach (var goal in goals)
        {
            var item = page.Locator($"#view-goals li[data-goal='{(string)goal!["goalId"]!}']");
            var progress = goal["progress"]!;
            var status = (string)progress["status"]!;
            Assert.Equal(char.ToUpperInvariant(status[0]) + status[1..].Replace('-', ' '), await item.Locator(".badge").TextContentAsync());
            var unit = (string?)goal["unit"] == "percent" ? " %" : string.Empty;
            Assert.Equal(
                $"Now {Number((double?)progress["latest"]!["value"])}{unit} · target {Number((double)progress["goal"]!["target"]!)}{unit} by {(string)progress["goal"]!["deadline"]!} · projected {Number((double?)progress["projected"]!["value"])}{unit}",
                await item.Locator(".facts").TextContentAsync());
            Assert.Equal((string)progress["explanation"]!, await item.Locator("p").Last.TextContentAsync());
            Assert.StartsWith($"Now {Number((double?)progress["latest"]!["value"])} of a target of", await item.Locator("svg.progress").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        }

        var campaign = (await demo.GetAsync("campaigns"))["items"]!.AsArray().Single()!;
        var before = Mean(campaign["before"]!.AsArray().Select(p => (double?)p!["engagementRatePercent"]));
        var after = Mean(campaign["after"]!.AsArray().Select(p => (double?)p!["engagementRatePercent"]));
        Assert.Equal($"1 of 1 campaigns worked: {DemoDashboardHost.Campaign}.", await page.Locator("#view-campaigns .summary").TextContentAsync());
        var campaignRows = page.Locator("#view-campaigns tbody tr");
        Assert.Equal(1, await campaignRows.CountAsync());
        var cells = await campaignRows.Locator("td").AllTextContentsAsync();
        Assert.Equal($"{Percent(before)} → {Percent(after)}", cells[3]);
        Assert.Equal("Worked Comments doubled for three weeks.", cells[4]);

        var review = (await demo.GetAsync("year-over-year"))["profiles"]!.AsArray();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the latest week with last year" }).ClickAsync();
        var rows = page.Locator("#view-year-over-year[aria-busy='false'] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(review.Count);
        var first = review[0]!;
        var engagement = first["metrics"]!.AsArray().Single(m => (string)m!["metric"]! == "engagement-rate")!["change"]!;
        var row = await rows.Filter(new() { HasTextString = (string)first["note"]! }).Locator("td").AllTextContentsAsync();
        Assert.StartsWith($"{Percent((double?)engagement["current"])} against {Percent((double?)engagement["reference"])}", row[2], StringComparison.Ordinal);
        await browser.ScreenshotAsync("dashboard-demo-goals-campaigns");
        Assert.Empty(browser.Faults);
    }

    [Fact]
    public async Task ReachesEveryViewByKeyboardWithAVisibleFocus()
    {
        await using var browser = await SignedInAsync();
        var page = browser.Page;

        for (var i = 0; i < ViewIds.Length; i++)
        {
            await page.FocusAsync("#business-title");
            for (var presses = 0; presses <= i; presses++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            Assert.Equal($"#view-{ViewIds[i]}-title", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
            Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal($"view-{ViewIds[i]}-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Compare the latest week with last year", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await browser.ScreenshotAsync("dashboard-demo-keyboard");
    }

    [Fact]
    public async Task KeepsTextBadgesAndChartLabelsAtAContrastOfAtLeastFourAndAHalfToOneAlsoOnAPhone()
    {
        await using var browser = await SignedInAsync();
        var page = browser.Page;
        string[] selectors =
        [
            "#view-business dd", "h2", ".muted", ".facts", "a", "nav.jump a", "summary", "button", "caption", "th",
            ".badge.good", ".badge.bad", ".badge.warn", ".badge:not(.good):not(.bad):not(.warn)", ".plot .tick", ".legend li",
        ];

        // Every badge tone, whether or not the demo shows it at the moment.
        await page.EvaluateAsync("() => ['good', 'bad', 'warn', ''].forEach(tone => { const probe = document.createElement('span'); probe.className = ('badge ' + tone).trim(); probe.textContent = 'probe'; document.querySelector('#view-business').append(probe); })");
        var ratios = await page.EvaluateAsync<double[]>(ContrastScript, selectors);

        Assert.All(selectors.Zip(ratios), pair => Assert.True(pair.Second >= 4.5, $"{pair.First}: contrast {pair.Second:0.00}:1 is below 4.5:1 (0 when nothing matched)."));

        await page.SetViewportSizeAsync(390, 844);
        await browser.ScreenshotAsync("dashboard-demo-phone");
        // Wide tables scroll inside their own box; nothing else may stick out of the screen.
        Assert.Null(await page.EvaluateAsync<string?>("""
            () => {
              if (document.documentElement.scrollWidth <= window.innerWidth) return null;
              const wide = [...document.querySelectorAll('body *')].find(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1);
              return 'the page scrolls sideways on a phone: ' + (wide ? wide.outerHTML.slice(0, 120) : 'no single element found');
            }
            """));
    }

    /// <summary>WCAG 2 contrast of each selector's first element: its text colour (an SVG text's fill) against the first opaque background behind it.</summary>
    private const string ContrastScript = """
        selectors => {
          const channels = colour => colour.match(/[\d.]+/g).map(Number);
          const luminance = colour => {
            const [r, g, b] = channels(colour).slice(0, 3).map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const background = node => {
            for (; node; node = node.parentElement) {
              const colour = getComputedStyle(node).backgroundColor;
              const c = channels(colour);
              if (c.length < 4 || c[3] === 1) return colour;
            }
            return 'rgb(255, 255, 255)';
          };
          return selectors.map(selector => {
            const node = document.querySelector(selector);
            if (!node) return 0;
            const style = getComputedStyle(node);
            const text = node instanceof SVGElement ? style.fill : style.color;
            const [a, b] = [luminance(text), luminance(background(node))].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
          });
        }
        """;

    private async Task<BrowserPage> SignedInAsync()
    {
        var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync(demo.Dashboard.ToString());
        await page.GetByLabel("API key").FillAsync(demo.OwnerKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => performance.getEntriesByName('{ChartsDrawn}').length > 0 && document.querySelectorAll('section.view[aria-busy=\"false\"]').length === {ViewIds.Length}");
        return browser;
    }

    private static JsonNode Profile(JsonNode health, string network) =>
        health["profiles"]!.AsArray().Single(p => (string)p!["network"]! == network)!;

    private static Task<string?> Advice(IPage page, JsonNode profile) =>
        page.Locator($"#view-profiles li[data-profile='{(string)profile["profileId"]!}'] .advice").TextContentAsync();

    private static string Counts(JsonNode byName) =>
        string.Join(", ", byName.AsObject().Where(p => (int)p.Value! > 0).Select(p => $"{(int)p.Value!} {p.Key}"));

    private static string? Day(string? timestamp) => timestamp?[..10];

    private static List<(double X, double Y)> Points(string? path) =>
        [.. (path ?? string.Empty).Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    private static double? Mean(IEnumerable<double?> values) => values.OfType<double>().DefaultIfEmpty(double.NaN).Average() is var m && double.IsNaN(m) ? null : m;

    /// <summary>As the page writes a figure: 2 decimals below 10, 1 below 100, none above.</summary>
    private static string Number(double? value) => value is not { } v ? "—"
        : v.ToString(Math.Abs(v) >= 100 ? "F0" : Math.Abs(v) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);

    private static string Percent(double? value) => value is null ? "—" : Number(value) + " %";
}
