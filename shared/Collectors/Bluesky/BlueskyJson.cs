using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Collectors.Bluesky;

/// <summary>app.bsky.actor.defs#profileViewDetailed, the answer of app.bsky.actor.getProfile (the parts SocialWatch reads).</summary>
internal sealed class BlueskyProfileJson
{
    public string? Did { get; set; }

    public string? Handle { get; set; }

    public string? DisplayName { get; set; }

    public long? FollowersCount { get; set; }

    public long? FollowsCount { get; set; }

    public long? PostsCount { get; set; }

    public List<BlueskyLabelJson?>? Labels { get; set; }
}

/// <summary>com.atproto.label.defs#label: "!takedown" on a profile means moderators took it down; neg negates a label.</summary>
internal sealed class BlueskyLabelJson
{
    public string? Val { get; set; }

    public bool? Neg { get; set; }
}

/// <summary>An XRPC error body: {"error": "AccountTakedown", "message": "Account has been suspended"}.</summary>
internal sealed class BlueskyErrorJson
{
    public string? Error { get; set; }

    public string? Message { get; set; }
}

/// <summary>The answer of app.bsky.feed.getAuthorFeed.</summary>
internal sealed class BlueskyAuthorFeedJson
{
    public string? Cursor { get; set; }

    public List<BlueskyFeedItemJson?>? Feed { get; set; }
}

/// <summary>app.bsky.feed.defs#feedViewPost.</summary>
internal sealed class BlueskyFeedItemJson
{
    public BlueskyPostJson? Post { get; set; }

    public BlueskyReasonJson? Reason { get; set; }
}

/// <summary>app.bsky.feed.defs#postView.</summary>
internal sealed class BlueskyPostJson
{
    public string? Uri { get; set; }

    public BlueskyRecordJson? Record { get; set; }

    public long? ReplyCount { get; set; }

    public long? RepostCount { get; set; }

    public long? LikeCount { get; set; }

    public long? QuoteCount { get; set; }

    public DateTimeOffset? IndexedAt { get; set; }
}

/// <summary>The post record (app.bsky.feed.post): only its createdAt matters here.</summary>
internal sealed class BlueskyRecordJson
{
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>Why an item is in the author feed: app.bsky.feed.defs#reasonRepost (the author reposted it) or #reasonPin.</summary>
internal sealed class BlueskyReasonJson
{
    [JsonPropertyName("$type")]
    public string? Type { get; set; }

    public DateTimeOffset? IndexedAt { get; set; }
}

/// <summary>
/// An author-feed page in one forward pass: the cursor and, per post, its uri, createdAt, indexedAt and four counts, with the
/// reason it is listed; the rest (author, embeds, labels, viewer state, reply parents) is skipped unparsed.
/// </summary>
internal static class BlueskyAuthorFeedReader
{
    public static BlueskyAuthorFeedJson? Read(ref Utf8JsonReader reader)
    {
        if (!JsonFields.StartObject(ref reader, "$"))
        {
            return null;
        }

        var page = new BlueskyAuthorFeedJson();
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("cursor"u8))
            {
                page.Cursor = JsonFields.String(ref reader, "$", "cursor");
            }
            else if (reader.ValueTextEquals("feed"u8))
            {
                page.Feed = Entries(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return page;
    }

    private static List<BlueskyFeedItemJson?>? Entries(ref Utf8JsonReader reader)
    {
        if (!JsonFields.StartArray(ref reader, "$.feed"))
        {
            return null;
        }

        var entries = new List<BlueskyFeedItemJson?>();
        while (JsonFields.Next(ref reader) != JsonTokenType.EndArray)
        {
            var path = JsonFields.Item("$.feed", entries.Count);
            if (reader.TokenType == JsonTokenType.Null)
            {
                entries.Add(null);
                continue;
            }

            JsonFields.ExpectObject(ref reader, path);
            var entry = new BlueskyFeedItemJson();
            while (JsonFields.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("post"u8))
                {
                    entry.Post = JsonFields.StartObject(ref reader, path + ".post") ? Post(ref reader, path + ".post") : null;
                }
                else if (reader.ValueTextEquals("reason"u8))
                {
                    entry.Reason = JsonFields.StartObject(ref reader, path + ".reason") ? Reason(ref reader, path + ".reason") : null;
                }
                else
                {
                    reader.Skip();
                }
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static BlueskyPostJson Post(ref Utf8JsonReader reader, string path)
    {
        var post = new BlueskyPostJson();
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("uri"u8))
            {
                post.Uri = JsonFields.String(ref reader, path, "uri");
            }
            else if (reader.ValueTextEquals("record"u8))
            {
                post.Record = JsonFields.StartObject(ref reader, path + ".record") ? Record(ref reader, path + ".record") : null;
            }
            else if (reader.ValueTextEquals("replyCount"u8))
            {
                post.ReplyCount = JsonFields.Count(ref reader, path, "replyCount");
            }
            else if (reader.ValueTextEquals("repostCount"u8))
            {
                post.RepostCount = JsonFields.Count(ref reader, path, "repostCount");
            }
            else if (reader.ValueTextEquals("likeCount"u8))
            {
                post.LikeCount = JsonFields.Count(ref reader, path, "likeCount");
            }
            else if (reader.ValueTextEquals("quoteCount"u8))
            {
                post.QuoteCount = JsonFields.Count(ref reader, path, "quoteCount");
            }
            else if (reader.ValueTextEquals("indexedAt"u8))
            {
                post.IndexedAt = JsonFields.Date(ref reader, path, "indexedAt");
            }
            else
            {
                reader.Skip();
            }
        }

        return post;
    }

    private static BlueskyRecordJson Record(ref Utf8JsonReader reader, string path)
    {
        var record = new BlueskyRecordJson();
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("createdAt"u8))
            {
                record.CreatedAt = JsonFields.Date(ref reader, path, "createdAt");
            }
            else
            {
                reader.Skip();
            }
        }

        return record;
    }

    private static BlueskyReasonJson Reason(ref Utf8JsonReader reader, string path)
    {
        var reason = new BlueskyReasonJson();
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("$type"u8))
            {
                reason.Type = JsonFields.String(ref reader, path, "$type");
            }
            else if (reader.ValueTextEquals("indexedAt"u8))
            {
                reason.IndexedAt = JsonFields.Date(ref reader, path, "indexedAt");
            }
            else
            {
                reader.Skip();
            }
        }

        return reason;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BlueskyProfileJson))]
[JsonSerializable(typeof(BlueskyErrorJson))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
