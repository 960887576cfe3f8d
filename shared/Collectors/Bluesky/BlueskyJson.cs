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

    public string? IndexedAt { get; set; }
}

/// <summary>The post record (app.bsky.feed.post): only its createdAt matters here.</summary>
internal sealed class BlueskyRecordJson
{
    public string? CreatedAt { get; set; }
}

/// <summary>Why an item is in the author feed: app.bsky.feed.defs#reasonRepost (the author reposted it) or #reasonPin.</summary>
internal sealed class BlueskyReasonJson
{
    [JsonPropertyName("$type")]
    public string? Type { get; set; }

    public string? IndexedAt { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BlueskyProfileJson))]
[JsonSerializable(typeof(BlueskyErrorJson))]
[JsonSerializable(typeof(BlueskyAuthorFeedJson))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
