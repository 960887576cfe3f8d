using System.Text.Json;
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

    public DateTimeOffset? CreatedAt { get; set; }

    public long? RepliesCount { get; set; }

    public long? ReblogsCount { get; set; }

    public long? FavouritesCount { get; set; }

    /// <summary>Not null for a boost: the status boosted.</summary>
    public MastodonStatusJson? Reblog { get; set; }
}

/// <summary>
/// A statuses page in one forward pass: the five fields read, everything else (accounts, content, media, cards) skipped
/// unparsed. A statuses page is most of what a collection reads, and a status carries far more than SocialWatch needs.
/// </summary>
internal static class MastodonStatusesJson
{
    public static List<MastodonStatusJson?>? Read(ref Utf8JsonReader reader)
    {
        if (!JsonFields.StartArray(ref reader, "$"))
        {
            return null;
        }

        var statuses = new List<MastodonStatusJson?>();
        while (JsonFields.Next(ref reader) != JsonTokenType.EndArray)
        {
            var path = JsonFields.Item("$", statuses.Count);
            statuses.Add(reader.TokenType == JsonTokenType.Null ? null : Status(ref reader, path));
        }

        return statuses;
    }

    /// <summary>The status whose first token (its start, or null) the reader is on.</summary>
    private static MastodonStatusJson Status(ref Utf8JsonReader reader, string path)
    {
        JsonFields.ExpectObject(ref reader, path);
        var status = new MastodonStatusJson();
        while (JsonFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                status.Id = JsonFields.String(ref reader, path, "id");
            }
            else if (reader.ValueTextEquals("created_at"u8))
            {
                status.CreatedAt = JsonFields.Date(ref reader, path, "created_at");
            }
            else if (reader.ValueTextEquals("replies_count"u8))
            {
                status.RepliesCount = JsonFields.Count(ref reader, path, "replies_count");
            }
            else if (reader.ValueTextEquals("reblogs_count"u8))
            {
                status.ReblogsCount = JsonFields.Count(ref reader, path, "reblogs_count");
            }
            else if (reader.ValueTextEquals("favourites_count"u8))
            {
                status.FavouritesCount = JsonFields.Count(ref reader, path, "favourites_count");
            }
            else if (reader.ValueTextEquals("reblog"u8))
            {
                // Read as a status too, so a boost of the wrong shape is refused as it always was.
                status.Reblog = JsonFields.Next(ref reader) == JsonTokenType.Null ? null : Status(ref reader, path + ".reblog");
            }
            else
            {
                reader.Skip();
            }
        }

        return status;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MastodonAccountJson))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
