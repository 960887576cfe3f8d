using System.Text.Json.Serialization;

namespace SocialWatch.Profiles;

/// <summary>Who told us a profile posted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivitySource>))]
public enum ActivitySource
{
    /// <summary>A collector read it from the network (feed, Mastodon, Bluesky).</summary>
    [JsonStringEnumMemberName("collector")] Collector,

    /// <summary>An engagement snapshot reported posts in its period.</summary>
    [JsonStringEnumMemberName("snapshot")] Snapshot,

    /// <summary>The owner said "we posted".</summary>
    [JsonStringEnumMemberName("owner")] Owner,
}

/// <summary>
/// Where a profile's last activity is recorded, whoever learnt of it; the staleness check reads it back. Recording an older
/// time than the one known changes nothing, so collectors, snapshots and owners can report in any order.
/// </summary>
public interface IProfileActivityLog
{
    Task RecordAsync(ProfileKey profile, DateTimeOffset lastActivityAt, ActivitySource source, CancellationToken cancellationToken);
}
