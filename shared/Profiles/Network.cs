using System.Text.Json.Serialization;

namespace SocialWatch.Profiles;

/// <summary>The networks a profile can live on. JSON and storage use the kebab-case names (google-business).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Network>))]
public enum Network
{
    [JsonStringEnumMemberName("facebook")] Facebook,
    [JsonStringEnumMemberName("instagram")] Instagram,
    [JsonStringEnumMemberName("x")] X,
    [JsonStringEnumMemberName("linkedin")] LinkedIn,
    [JsonStringEnumMemberName("pinterest")] Pinterest,
    [JsonStringEnumMemberName("youtube")] YouTube,
    [JsonStringEnumMemberName("tiktok")] TikTok,
    [JsonStringEnumMemberName("yelp")] Yelp,
    [JsonStringEnumMemberName("google-business")] GoogleBusiness,
    [JsonStringEnumMemberName("mastodon")] Mastodon,
    [JsonStringEnumMemberName("bluesky")] Bluesky,
    [JsonStringEnumMemberName("blog")] Blog,
    [JsonStringEnumMemberName("other")] Other,
}

public static class Networks
{
    /// <summary>The wire name: the one JSON, table keys and rule data use.</summary>
    public static string Name(this Network network) => WireNames.Name(network);

    public static IReadOnlyCollection<string> Names => WireNames.All<Network>();

    public static bool TryParse(string? name, out Network network) => WireNames.TryParse(name, out network);
}
