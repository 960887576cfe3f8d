using System.Text.Json.Serialization;

namespace SocialWatch.Collectors.Mastodon;

/// <summary>The parts of Mastodon's Account entity SocialWatch reads (docs.joinmastodon.org/entities/Account).</summary>
internal sealed class MastodonAccountJson
{
    public string? Id { get; set; }

    public string? Acct { get; set; }

    public string? Url { get; set; }

    public string? DisplayName { get; set; }

    public long? FollowersCount { get; set; }

    public long? FollowingCount { get; set; }

    public long? StatusesCount { get; set; }

    /// <summary>A date ("2019-11-17") since Mastodon 3.1, a datetime before; null when the account never posted.</summary>
    public string? LastStatusAt { get; set; }

    public bool? Suspended { get; set; }

    public bool? Limited { get; set; }

    public bool? Memorial { get; set; }

    public MastodonAccountJson? Moved { get; set; }
}

/// <summary>The parts of Mastodon's Status entity SocialWatch reads (docs.joinmastodon.org/entities/Status).</summary>
internal sealed class MastodonStatusJson
{
    public string? Id { get; set; }

    public string? CreatedAt { get; set; }

    public long? RepliesCount { get; set; }

    public long? ReblogsCount { get; set; }

    public long? FavouritesCount { get; set; }

    /// <summary>Not null for a boost: the status boosted.</summary>
    public MastodonStatusJson? Reblog { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MastodonAccountJson))]
[JsonSerializable(typeof(List<MastodonStatusJson>))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
