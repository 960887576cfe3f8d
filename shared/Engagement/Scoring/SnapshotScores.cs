using SocialWatch.Profiles;

namespace SocialWatch.Engagement.Scoring;

/// <summary>Every score of one snapshot. Each formula and its source is in docs/engagement.md.</summary>
public sealed record SnapshotScores(
    string SnapshotId,
    string BusinessId,
    string ProfileId,
    Network Network,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long Followers,
    long Posts,
    long Engagements,
    Measure PostsPerWeek,
    EngagementRates EngagementRate,
    InteractionRate Conversation,
    InteractionRate Amplification,
    InteractionRate Applause,
    Responsiveness Responsiveness,
    GiveVersusAsk GiveVersusAsk,
    Measure PersonalVoicePercent,
    Measure ReturningEngagersPercent,
    FollowerGrowth Growth,
    Funnel Funnel,
    HealthScore Health);

/// <summary>The engagement rate by each method; only <see cref="ByFollowersPerPost"/> is comparable with the industry medians.</summary>
public sealed record EngagementRates(Measure ByFollowersPerPost, Measure ByReach, Measure ByImpressions);

/// <summary>One of Kaushik's rates: an interaction count per post, and the same per 1,000 followers.</summary>
public sealed record InteractionRate(Measure PerPost, Measure PerPostPer1000Followers);

/// <summary>How many inbound messages that needed an answer got one, and how fast against the target.</summary>
public sealed record Responsiveness(Measure ResponseRatePercent, Measure MedianResponseMinutes, double TargetMinutes, bool? WithinTarget);

/// <summary>Share of promotional posts against the threshold (the 80/20 guidance: at most one post in five asks).</summary>
public sealed record GiveVersusAsk(Measure PromotionalPercent, double ThresholdPercent, bool? WithinThreshold);

/// <summary>
/// Followers and engagements per day against the previous period. <see cref="GiveawaySpike"/> flags followers that came
/// without engagement: growth of at least <see cref="SpikeThresholdPercent"/> while engagements per day did not rise.
/// </summary>
public sealed record FollowerGrowth(Measure FollowerGrowthPercent, Measure EngagementsPerDayGrowthPercent, double SpikeThresholdPercent, bool GiveawaySpike);

/// <summary>Engagements → link clicks → leads → conversions, each step as a percentage of the one before.</summary>
public sealed record Funnel(
    long Engagements,
    long? LinkClicks,
    long? Leads,
    long? Conversions,
    Measure ClicksPerEngagementPercent,
    Measure LeadsPerClickPercent,
    Measure ConversionsPerLeadPercent,
    Measure ConversionsPerEngagementPercent);

/// <summary>
/// A 0–100 score, the weighted share of points over the components that are available. <see cref="Note"/> says when
/// components were left out and the score was rescaled over the others.
/// </summary>
public sealed record HealthScore(Measure Score, double AvailableWeight, double TotalWeight, string Note, IReadOnlyList<HealthComponent> Components);

/// <summary>
/// One component of the health score: <see cref="Points"/> = <see cref="Weight"/> × the fraction the component earns
/// (0 to 1); null when the component is not available.
/// </summary>
public sealed record HealthComponent(string Name, double Weight, Measure Value, string Unit, double? Points, string Explanation);
