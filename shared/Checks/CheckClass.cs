using System.Text.Json.Serialization;

namespace SocialWatch.Checks;

/// <summary>What one check of a profile showed. Only <see cref="Alive"/>, <see cref="Dead"/> and <see cref="Moved"/> say anything about the profile itself.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckClass>))]
public enum CheckClass
{
    /// <summary>The network served the profile.</summary>
    [JsonStringEnumMemberName("alive")] Alive,

    /// <summary>The network answered that the profile does not exist (or no longer does).</summary>
    [JsonStringEnumMemberName("dead")] Dead,

    /// <summary>The profile now lives at another address.</summary>
    [JsonStringEnumMemberName("moved")] Moved,

    /// <summary>Unverifiable: a login wall, a bot challenge, a page that proves nothing, or an address we refuse to reach.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,

    /// <summary>The network asked us to come back later: reschedule at the retry time.</summary>
    [JsonStringEnumMemberName("rate-limited")] RateLimited,

    /// <summary>Timeouts, dropped connections, server errors: says nothing about the profile.</summary>
    [JsonStringEnumMemberName("transient")] Transient,
}

public static class CheckClasses
{
    /// <summary>Whether a result of this class tells us something about the profile (and so may change its declared health).</summary>
    public static bool IsConclusive(this CheckClass checkClass) => checkClass is CheckClass.Alive or CheckClass.Dead or CheckClass.Moved;
}
