using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.Extensions.Options;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Unit.Collectors;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Parse throughput of the collectors against the cheapest possible reading of the same bytes in the same run: one pass of a
/// plain XmlReader (every node) or Utf8JsonReader (every token), doing nothing with what it reads. The ratio is the price of
/// turning the bytes into items with dates, counts and caps. Both are timed by CPU time in alternating slices (see
/// <see cref="RatesAsync"/>), so other work on a shared machine moves both figures together rather than the ratio.
/// </summary>
internal static class ParseThroughput
{
    private const int RunsPerSlice = 10;
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(3);

    public static async Task PrintAsync(CancellationToken cancellationToken)
    {
        var options = Options.Create(new CollectorOptions { MaxItems = 1000 });
        var feeds = new FeedReader(options, TimeProvider.System);
        var mastodon = new MastodonReader(options, TimeProvider.System);
        var bluesky = new BlueskyReader(options, TimeProvider.System);
        var feed = Encoding.UTF8.GetBytes(GeneratedFeed.Head + string.Concat(Enumerable.Range(0, 500).Select(GeneratedFeed.Item)) + GeneratedFeed.Tail);
        var statuses = Repeated("mastodon-statuses.json", node => node.AsArray(), 100, (item, i) => item["id"] = (1_000_000 + i).ToString(CultureInfo.InvariantCulture));
        var authorFeed = Repeated("bluesky-author-feed.json", node => node["feed"]!.AsArray(), 100, (item, i) => item["post"]!["uri"] = $"at://did:plc:bench/app.bsky.feed.post/{i}");

        Console.WriteLine(Invariant($"Collector parse throughput: each parser and a plain reader pass over the same bytes in alternating slices for {MeasureFor.TotalSeconds:0.0} s, MB per second of this process's CPU time"));
        await PrintAsync("RSS feed, 500 items", feed, async bytes => (await feeds.ParseAsync(new MemoryStream(bytes), cancellationToken)).Items.Count, XmlPass, cancellationToken);
        await PrintAsync("Mastodon statuses page, 100 statuses", statuses, async bytes => (await mastodon.ReadStatusesAsync(Answer(bytes), cancellationToken)).Items.Count, JsonPass, cancellationToken);
        await PrintAsync("Bluesky author feed page, 100 posts", authorFeed, async bytes => (await bluesky.ReadAuthorFeedAsync(Answer(bytes), cancellationToken)).Items.Count, JsonPass, cancellationToken);
        Console.WriteLine();
    }

    private static async Task PrintAsync(string name, byte[] bytes, Func<byte[], Task<int>> parse, Func<byte[], int> plain, CancellationToken cancellationToken)
    {
        var items = await parse(bytes);
        var (parser, baseline) = await RatesAsync(bytes, async () => await parse(bytes), () => Task.FromResult(plain(bytes)), cancellationToken);
        Console.WriteLine(Invariant($"  {name,-40} {bytes.Length / 1024.0,7:0.0} KiB, {items} items   parser {parser,7:0.0} MB/s   plain pass {baseline,7:0.0} MB/s   parser / plain x{parser / baseline:0.00}"));
    }

    /// <summary>
    /// Megabytes per second of CPU time for the parser and the plain pass, after a warm-up. The two run in alternating slices and
    /// are timed by this process's CPU time, not the wall clock: on a machine shared with other work, a wall-clock ratio measures
    /// the other work's bursts as much as the parsers.
    /// </summary>
    private static async Task<(double Parser, double Plain)> RatesAsync(byte[] bytes, Func<Task<int>> parser, Func<Task<int>> plain, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 20; i++)
        {
            await parser();
            await plain();
        }

        var parserTime = TimeSpan.Zero;
        var plainTime = TimeSpan.Zero;
        long runs = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < MeasureFor && !cancellationToken.IsCancellationRequested)
        {
            parserTime += await CpuTimeAsync(parser, RunsPerSlice);
            plainTime += await CpuTimeAsync(plain, RunsPerSlice);
            runs += RunsPerSlice;
        }

        var megabytes = runs * bytes.Length / 1e6;
        return (megabytes / parserTime.TotalSeconds, megabytes / plainTime.TotalSeconds);
    }

    private static async Task<TimeSpan> CpuTimeAsync(Func<Task<int>> run, int times)
    {
        var before = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < times; i++)
        {
            await run();
        }

        return Environment.CpuUsage.TotalTime - before;
    }

    private static int XmlPass(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes;
    }

    private static int JsonPass(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static SourceResponse Answer(byte[] bytes) => new(HttpStatusCode.OK, [], new MemoryStream(bytes));

    /// <summary>A fixture whose item list is grown to <paramref name="count"/> items by repeating its items, each made distinct.</summary>
    private static byte[] Repeated(string fixture, Func<JsonNode, JsonArray> items, int count, Action<JsonNode, int> distinguish)
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("tests", "SocialWatch.Tests", "Fixtures", "Collectors", fixture)))!;
        var list = items(document);
        var originals = list.Select(item => item!.DeepClone()).ToArray();
        list.Clear();
        for (var i = 0; i < count; i++)
        {
            var item = originals[i % originals.Length].DeepClone();
            distinguish(item, i);
            list.Add(item);
        }

        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
