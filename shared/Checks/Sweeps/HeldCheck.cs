using System.Text.Json;

namespace SocialWatch.Checks.Sweeps;

/// <summary>Where a held check sits: its business, the host that asked us to wait, its profile.</summary>
public readonly record struct HeldCheckKey(string BusinessId, string Host, string ProfileId);

/// <summary>A check whose host asked us to come back at <paramref name="RetryAt"/> (Retry-After, a busy or broken host).</summary>
public sealed record HeldCheck(string Host, DateTimeOffset RetryAt, CheckProfileMessage Check)
{
    public HeldCheckKey Key => new(Check.BusinessId, Host, Check.ProfileId);

    /// <summary>
    /// The check to run again, without the health and the address it carried: by the retry time they may have changed (the
    /// check reads them then).
    /// </summary>
    public static HeldCheck Of(CheckProfileMessage check, DateTimeOffset retryAt) =>
        new(HostOf(check.Url), retryAt, check with { Health = null, Address = null });

    private static string HostOf(Uri url) => url.IdnHost.ToLowerInvariant();
}

/// <summary>
/// A host's held checks come due at <paramref name="At"/>: one message per host and due minute, invisible until then, read by
/// ResumeHeldChecks.
/// </summary>
public sealed record HeldChecksDue(string Host, DateTimeOffset At)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Held checks come due on the minute: a host's checks held within a minute of each other share one message.
    private static readonly TimeSpan Granularity = TimeSpan.FromMinutes(1);

    /// <summary>The message that resumes a check held until <paramref name="retryAt"/>: the due minute at or after it.</summary>
    public static HeldChecksDue For(HeldCheck held) =>
        new(held.Host, new DateTimeOffset((held.RetryAt.UtcTicks + Granularity.Ticks - 1) / Granularity.Ticks * Granularity.Ticks, TimeSpan.Zero));

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static HeldChecksDue Read(string message) =>
        JsonSerializer.Deserialize<HeldChecksDue>(message, Json) is { Host.Length: > 0 } read && read.At != default
            ? read
            : throw new FormatException("A held-checks-due message names a host and the time {at} its held checks come due.");
}
