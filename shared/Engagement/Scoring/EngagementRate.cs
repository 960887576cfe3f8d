using System.Text.Json.Serialization;

namespace SocialWatch.Engagement.Scoring;

/// <summary>
/// How an engagement rate was computed. Rates of different methods differ by orders of magnitude (reach is a fraction of
/// followers), so they are never compared with one another.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EngagementMethod>))]
public enum EngagementMethod
{
    /// <summary>Engagements ÷ posts ÷ followers × 100: Rival IQ's method and the one the industry medians use.</summary>
    [JsonStringEnumMemberName("engagement rate by followers per post")] ByFollowersPerPost,

    /// <summary>Engagements ÷ reach of the period × 100.</summary>
    [JsonStringEnumMemberName("engagement rate by reach")] ByReach,

    /// <summary>Engagements ÷ impressions of the period × 100.</summary>
    [JsonStringEnumMemberName("engagement rate by impressions")] ByImpressions,
}

/// <summary>An engagement rate in percent together with the method that produced it.</summary>
public readonly record struct EngagementRate(EngagementMethod Method, double Percent);

/// <summary>Raised when two engagement rates of different methods are about to be compared: a programming error.</summary>
public sealed class EngagementMethodMismatchException(EngagementMethod expected, EngagementMethod actual)
    : InvalidOperationException($"Cannot compare an engagement rate computed as '{actual}' with a reference computed as '{expected}'.")
{
    public EngagementMethod Expected { get; } = expected;

    public EngagementMethod Actual { get; } = actual;
}
