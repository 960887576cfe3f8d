using System.Text.Json.Serialization;
using SocialWatch.Businesses;
using SocialWatch.Profiles;

namespace SocialWatch.Plans;

/// <summary>
/// What a goal measures: a closed set, so that snapshots, benchmarks and reports agree on meaning. Rates are percentages
/// (0 to 100); the others are counts over the goal's horizon.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalMetric>))]
public enum GoalMetric
{
    /// <summary>Qualified leads from social, per month.</summary>
    [JsonStringEnumMemberName("leads-per-month")] LeadsPerMonth,

    /// <summary>Newsletter subscribers in total.</summary>
    [JsonStringEnumMemberName("newsletter-subscribers")] NewsletterSubscribers,

    /// <summary>Conversions (sales, bookings, sign-ups) attributed to social, per month.</summary>
    [JsonStringEnumMemberName("conversions")] Conversions,

    /// <summary>Answered inbound messages ÷ inbound messages needing an answer × 100.</summary>
    [JsonStringEnumMemberName("response-rate")] ResponseRate,

    /// <summary>Engagements per post ÷ followers × 100 (by followers, per post).</summary>
    [JsonStringEnumMemberName("engagement-rate")] EngagementRate,

    /// <summary>Followers across the planned networks.</summary>
    [JsonStringEnumMemberName("followers")] Followers,

    /// <summary>Website visits referred by social networks, per month.</summary>
    [JsonStringEnumMemberName("website-visits-from-social")] WebsiteVisitsFromSocial,
}

/// <summary>Primary: go deep (the planned cadence is a commitment). Presence: keep the profile alive at a low cadence.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NetworkRole>))]
public enum NetworkRole
{
    [JsonStringEnumMemberName("primary")] Primary,
    [JsonStringEnumMemberName("presence")] Presence,
}

public static class GoalMetrics
{
    public static bool IsRate(this GoalMetric metric) => metric is GoalMetric.ResponseRate or GoalMetric.EngagementRate;
}

/// <summary>A measurable goal: reach <see cref="Target"/> of <see cref="Metric"/> by <see cref="Deadline"/>, from <see cref="Baseline"/>.</summary>
public sealed record Goal(string Id, GoalMetric Metric, double Target, string? Unit, DateOnly Deadline, double? Baseline);

/// <summary>One network in the plan: its role, the cadence committed to, and the core message tailored to it.</summary>
public sealed record NetworkPlan(Network Network, NetworkRole Role, double PostsPerWeek, string CoreMessage);

/// <summary>A business's social media plan: one per business.</summary>
public record Plan(
    string BusinessId,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<NetworkPlan> Networks,
    Person AccountableOwner,
    DateOnly NextReviewDate,
    DateTimeOffset UpdatedAt);

/// <summary>The body of PUT /api/businesses/{businessId}/plan; checked by <see cref="PlanRules"/>.</summary>
public sealed record PlanInput(
    IReadOnlyList<GoalInput?>? Goals,
    IReadOnlyList<NetworkPlanInput?>? Networks,
    PersonInput? AccountableOwner,
    DateOnly? NextReviewDate);

/// <summary>A goal as sent: <see cref="Id"/> may be left out (the server names it after its metric).</summary>
public sealed record GoalInput(GoalMetric? Metric, double? Target, DateOnly? Deadline, string? Id = null, string? Unit = null, double? Baseline = null);

public sealed record NetworkPlanInput(Network? Network, NetworkRole? Role, double? PostsPerWeek, string? CoreMessage);
