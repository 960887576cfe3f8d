using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialWatch.Collectors;
using static SocialWatch.Tests.Unit.Collectors.CollectorFixtures;

namespace SocialWatch.Tests.Unit.Collectors;

/// <summary>
/// The one-pass Mastodon and Bluesky page readers give what a whole-document reading (JsonNode, then SourceDates on the text)
/// of the same page gives: on the fixtures, and on generated pages with shuffled properties, escaped text, counts as numbers,
/// strings or null, dates in every form SourceDates reads or refuses, and nested fields the readers must skip.
/// </summary>
public sealed class JsonPageReaders
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset LatestBelievable = Now + new CollectorOptions().FutureDateTolerance;

    [Theory]
    [InlineData("mastodon-statuses.json")]
    [InlineData("mastodon-statuses-wrong-types.json")]
    public async Task MastodonPageGivesWhatADocumentReadingGives(string fixture)
    {
        var json = await File.ReadAllTextAsync(PathOf(fixture), Cancel);

        var page = await Mastodon().ReadStatusesAsync(Answer(new MemoryStream(Encoding.UTF8.GetBytes(json))), Cancel);

        Assert.Equal(MastodonByDocument(json), Summary(page));
    }

    [Property(Arbitrary = [typeof(GeneratedPages)], MaxTest = 300)]
    public bool GeneratedMastodonPageGivesWhatADocumentReadingGives(MastodonPage page)
    {
        var read = Mastodon().ReadStatusesAsync(Answer(new MemoryStream(Encoding.UTF8.GetBytes(page.Json))), Cancel).GetAwaiter().GetResult();

        return MastodonByDocument(page.Json) == Summary(read);
    }

    [Fact]
    public async Task BlueskyPageGivesWhatADocumentReadingGives()
    {
        var json = await File.ReadAllTextAsync(PathOf("bluesky-author-feed.json"), Cancel);

        var page = await Bluesky().ReadAuthorFeedAsync(Answer(new MemoryStream(Encoding.UTF8.GetBytes(json))), Cancel);

        var document = JsonNode.Parse(json)!;
        var expected = document["feed"]!.AsArray().Select(entry =>
        {
            var post = entry!["post"]!;
            var repost = entry["reason"]?["$type"]?.GetValue<string>() == "app.bsky.feed.defs#reasonRepost";
            var published = repost
                ? Date(entry["reason"]!["indexedAt"])
                : Date(post["record"]?["createdAt"]) ?? Date(post["indexedAt"]);
            return $"{(repost ? "repost:" : string.Empty)}{post["uri"]} {published:O} {!repost} {Count(post["replyCount"])}/{Count(post["repostCount"])}/{Count(post["likeCount"])}/{Count(post["quoteCount"])}";
        }).Distinct();
        Assert.Equal(string.Join('\n', expected), string.Join('\n', page.Items.Select(i => $"{i.Id} {i.Published:O} {i.IsOriginal} {i.Replies}/{i.Reposts}/{i.Likes}/{i.Quotes}")));
        Assert.Equal(document["cursor"]?.GetValue<string>(), page.NextPage);
    }

    /// <summary>A statuses page as generated JSON text.</summary>
    public sealed record MastodonPage(string Json)
    {
        public override string ToString() => Json;
    }

    public static class GeneratedPages
    {
        private static readonly string?[] Dates =
        [
            "2026-11-14T17:05:22.391Z", "2026-11-14T17:05:22Z", "2026-11-14T19:05:22+02:00", "2026-11-14t17:05:22z",
            "2026-11-14T17:05:22.1234567Z", "Sat, 14 Nov 2026 17:05:22 GMT", "2030-01-01T00:00:00Z", "2026-11-14", "soon", "", null,
        ];

        private static readonly string[] Fields = ["id", "created_at", "replies_count", "reblogs_count", "favourites_count", "reblog", "account", "content", "emojis"];

        public static Arbitrary<MastodonPage> Pages() =>
            Gen.ListOf(Status(withReblog: true)).Select(statuses => new MastodonPage(new JsonArray([.. statuses]).ToJsonString())).ToArbitrary();

        private static Gen<JsonNode?> Status(bool withReblog) =>
            from id in Optional(Gen.Choose(1, 999_999).Select(n => (JsonNode?)JsonValue.Create(n.ToString(CultureInfo.InvariantCulture))))
            from created in Optional(Gen.Elements(Dates).Select(date => date is null ? null : (JsonNode?)JsonValue.Create(date)))
            from replies in Optional(CountValue())
            from reblogs in Optional(CountValue())
            from favourites in Optional(CountValue())
            from reblog in withReblog ? Optional(Gen.OneOf(Gen.Constant<JsonNode?>(null), Status(withReblog: false))) : Gen.Constant<(bool, JsonNode?)>((false, null))
            from nulled in Gen.Elements(false, false, false, true)
            from order in Gen.Shuffle(Fields)
            select nulled ? null : (JsonNode?)Object(order, new Dictionary<string, (bool, JsonNode?)>
            {
                ["id"] = id, ["created_at"] = created, ["replies_count"] = replies, ["reblogs_count"] = reblogs, ["favourites_count"] = favourites,
                ["reblog"] = reblog,
                ["account"] = (true, new JsonObject { ["id"] = "1", ["note"] = "<p>café \"quoted\" \\ 🥖</p>", ["fields"] = new JsonArray(new JsonObject { ["name"] = "a", ["value"] = null }) }),
                ["content"] = (true, JsonValue.Create("<p>Pumpkin &amp; loaves</p>")),
                ["emojis"] = (true, new JsonArray(new JsonArray(1, 2.5, true), new JsonObject { ["x"] = null })),
            });

        private static Gen<JsonNode?> CountValue() => Gen.OneOf(
            Gen.Choose(0, 100_000).Select(n => (JsonNode?)JsonValue.Create((long)n)),
            Gen.Choose(0, 100_000).Select(n => (JsonNode?)JsonValue.Create(n.ToString(CultureInfo.InvariantCulture))),
            Gen.Constant<JsonNode?>(null));

        /// <summary>A field's value, or (false, _) for a field left out.</summary>
        private static Gen<(bool Present, JsonNode? Value)> Optional(Gen<JsonNode?> value) =>
            from present in Gen.Elements(true, true, true, false)
            from v in value
            select (present, v);

        private static JsonObject Object(string[] order, Dictionary<string, (bool Present, JsonNode? Value)> fields)
        {
            var status = new JsonObject();
            foreach (var name in order.Where(name => fields[name].Present))
            {
                status[name] = fields[name].Value?.DeepClone();
            }

            return status;
        }
    }

    /// <summary>The statuses as the old whole-document reading saw them; an invalid page reads as its failure.</summary>
    private static string MastodonByDocument(string json)
    {
        try
        {
            var items = new List<string>();
            foreach (var status in JsonNode.Parse(json)!.AsArray())
            {
                if (status is null)
                {
                    continue;
                }

                var id = status["id"]?.GetValue<string>() is { Length: > 0 } text ? text : $"#{items.Count + 1}";
                items.Add($"{id} {Date(status["created_at"]):O} {status["reblog"] is null} {Count(status["replies_count"])}/{Count(status["reblogs_count"])}/{Count(status["favourites_count"])}");
            }

            return string.Join('\n', items);
        }
        catch (InvalidOperationException)
        {
            return "InvalidDocument";
        }
        catch (FormatException)
        {
            return "InvalidDocument";
        }
    }

    private static string Summary(CollectedActivity page) =>
        page.Error is { } error
            ? error.Kind.ToString()
            : string.Join('\n', page.Items.Select(i => $"{i.Id} {i.Published:O} {i.IsOriginal} {i.Replies}/{i.Reposts}/{i.Likes}"));

    private static DateTimeOffset? Date(JsonNode? node) => SourceDates.Believable(SourceDates.Parse(node?.GetValue<string>()), LatestBelievable);

    private static long? Count(JsonNode? node) => node?.GetValueKind() switch
    {
        null or System.Text.Json.JsonValueKind.Null => null,
        System.Text.Json.JsonValueKind.String => long.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
        _ => node.GetValue<long>(),
    };
}
