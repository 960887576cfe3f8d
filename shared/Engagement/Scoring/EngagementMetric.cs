using System.Text.Json.Serialization;
using SocialWatch.Benchmarks;

namespace SocialWatch.Engagement.Scoring;

/// <summary>The metrics that benchmarks, goals and the year-over-year review follow, by their wire names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EngagementMetric>))]
public enum EngagementMetric
{
    [JsonStringEnumMemberName("engagement-rate")] EngagementRate,
    [JsonStringEnumMemberName("conversation-rate")] ConversationRate,
    [JsonStringEnumMemberName("amplification-rate")] AmplificationRate,
    [JsonStringEnumMemberName("applause-rate")] ApplauseRate,
    [JsonStringEnumMemberName("response-rate")] ResponseRate,
    [JsonStringEnumMemberName("median-response-minutes")] MedianResponseMinutes,
    [JsonStringEnumMemberName("promotional-share")] PromotionalShare,
    [JsonStringEnumMemberName("personal-voice")] PersonalVoice,
    [JsonStringEnumMemberName("returning-engagers")] ReturningEngagers,
    [JsonStringEnumMemberName("posts-per-week")] PostsPerWeek,
    [JsonStringEnumMemberName("followers")] Followers,
    [JsonStringEnumMemberName("engagements")] Engagements,
    [JsonStringEnumMemberName("link-clicks")] LinkClicks,
    [JsonStringEnumMemberName("leads")] Leads,
    [JsonStringEnumMemberName("conversions")] Conversions,
    [JsonStringEnumMemberName("health-score")] HealthScore,
}

/// <summary>How a metric reads from a snapshot's scores, its unit, and which way is better. Every metric is 0 or more.</summary>
public sealed record MetricDefinition(EngagementMetric Metric, string Unit, bool HigherIsBetter, Func<SnapshotScores, double?> Read);

public static class EngagementMetrics
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(EngagementMetric.EngagementRate, "% per post by followers", true, s => s.EngagementRate.ByFollowersPerPost.Value),
        new(EngagementMetric.ConversationRate, "comments per post", true, s => s.Conversation.PerPost.Value),
        new(EngagementMetric.AmplificationRate, "shares per post", true, s => s.Amplification.PerPost.Value),
        new(EngagementMetric.ApplauseRate, "reactions per post", true, s => s.Applause.PerPost.Value),
        new(EngagementMetric.ResponseRate, "%", true, s => s.Responsiveness.ResponseRatePercent.Value),
        new(EngagementMetric.MedianResponseMinutes, "minutes", false, s => s.Responsiveness.MedianResponseMinutes.Value),
        new(EngagementMetric.PromotionalShare, "% of posts", false, s => s.GiveVersusAsk.PromotionalPercent.Value),
        new(EngagementMetric.PersonalVoice, "% of posts", true, s => s.PersonalVoicePercent.Value),
        new(EngagementMetric.ReturningEngagers, "% of unique engagers", true, s => s.ReturningEngagersPercent.Value),
        new(EngagementMetric.PostsPerWeek, "posts per week", true, s => s.PostsPerWeek.Value),
        new(EngagementMetric.Followers, "followers", true, s => s.Followers),
        new(EngagementMetric.Engagements, "engagements", true, s => s.Engagements),
        new(EngagementMetric.LinkClicks, "link clicks", true, s => s.Funnel.LinkClicks),
        new(EngagementMetric.Leads, "leads", true, s => s.Funnel.Leads),
        new(EngagementMetric.Conversions, "conversions", true, s => s.Funnel.Conversions),
        new(EngagementMetric.HealthScore, "points of 100", true, s => s.Health.Score.Value),
    ];

    private static readonly Dictionary<EngagementMetric, MetricDefinition> ByMetric = All.ToDictionary(d => d.Metric);

    public static MetricDefinition Definition(this EngagementMetric metric) => ByMetric[metric];

    /// <summary>The metric over a profile's periods, oldest first; a period where it is not available has a null value.</summary>
    public static IReadOnlyList<MetricPoint> Series(this EngagementMetric metric, IEnumerable<SnapshotScores> scores)
    {
        var read = metric.Definition().Read;
        return scores.OrderBy(s => s.PeriodStart).Select(s => new MetricPoint(s.PeriodStart, s.PeriodEnd, read(s))).ToList();
    }
}
