using System.Globalization;

namespace SocialWatch.Collectors;

/// <summary>
/// A rate limit the source declares. Mastodon sends X-RateLimit-Limit, -Remaining and -Reset (an ISO 8601 timestamp; 300 requests
/// per 5 minutes by default); the Bluesky AppView sends RateLimit-Limit, -Remaining and -Reset (Unix seconds). The caller paces with
/// <see cref="PaceAt"/>.
/// </summary>
public sealed record RateLimit(int Limit, int Remaining, DateTimeOffset ResetsAt)
{
    private const long UnixSecondsThreshold = 1_000_000_000;

    public static RateLimit? From(SourceResponse response, DateTimeOffset now) =>
        From(response, "X-RateLimit-", now) ?? From(response, "RateLimit-", now);

    /// <summary>
    /// How long to wait before the next request so the remaining budget lasts until the reset: nothing left means wait for the
    /// reset; otherwise spread the remaining requests evenly over the time left.
    /// </summary>
    public TimeSpan PaceAt(DateTimeOffset now)
    {
        var untilReset = ResetsAt - now;
        if (untilReset <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return Remaining <= 0 ? untilReset : untilReset / Remaining;
    }

    private static RateLimit? From(SourceResponse response, string prefix, DateTimeOffset now)
    {
        if (!int.TryParse(response.Header(prefix + "Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            || !int.TryParse(response.Header(prefix + "Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || ResetTime(response.Header(prefix + "Reset"), now) is not { } reset)
        {
            return null;
        }

        return new RateLimit(limit, Math.Max(0, remaining), reset);
    }

    private static DateTimeOffset? ResetTime(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            // Large numbers are Unix seconds (Bluesky); small ones are seconds from now (the IETF RateLimit draft).
            return number >= UnixSecondsThreshold ? DateTimeOffset.FromUnixTimeSeconds(number) : now.AddSeconds(Math.Max(0, number));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }
}
