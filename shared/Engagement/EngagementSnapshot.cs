using System.Text.Json.Serialization;
using SocialWatch.Profiles;

namespace SocialWatch.Engagement;

/// <summary>
/// What one profile did and received during one period. <see cref="PeriodEnd"/> is the last day covered (inclusive),
/// as a person writes a week: 2025-03-03 to 2025-03-09. Counts cover the whole period, except <see cref="Followers"/>,
/// the count on the last day. Optional figures are null when the business does not track them, never 0.
/// </summary>
public sealed record EngagementSnapshot
{
    [JsonPropertyName(SnapshotFields.SnapshotId)] public required string SnapshotId { get; init; }
    [JsonPropertyName(SnapshotFields.BusinessId)] public required string BusinessId { get; init; }
    [JsonPropertyName(SnapshotFields.ProfileId)] public required string ProfileId { get; init; }
    [JsonPropertyName(SnapshotFields.Network)] public required Network Network { get; init; }
    [JsonPropertyName(SnapshotFields.PeriodStart)] public required DateOnly PeriodStart { get; init; }
    [JsonPropertyName(SnapshotFields.PeriodEnd)] public required DateOnly PeriodEnd { get; init; }
    [JsonPropertyName(SnapshotFields.Followers)] public required long Followers { get; init; }
    [JsonPropertyName(SnapshotFields.Posts)] public required long Posts { get; init; }
    [JsonPropertyName(SnapshotFields.Reach)] public long? Reach { get; init; }
    [JsonPropertyName(SnapshotFields.Impressions)] public long? Impressions { get; init; }
    [JsonPropertyName(SnapshotFields.Reactions)] public required long Reactions { get; init; }
    [JsonPropertyName(SnapshotFields.Comments)] public required long Comments { get; init; }
    [JsonPropertyName(SnapshotFields.Shares)] public required long Shares { get; init; }
    [JsonPropertyName(SnapshotFields.RepliesByBusiness)] public required long RepliesByBusiness { get; init; }
    [JsonPropertyName(SnapshotFields.InboundNeedingAnswer)] public required long InboundNeedingAnswer { get; init; }
    [JsonPropertyName(SnapshotFields.InboundAnswered)] public required long InboundAnswered { get; init; }
    [JsonPropertyName(SnapshotFields.MedianFirstResponseMinutes)] public double? MedianFirstResponseMinutes { get; init; }
    [JsonPropertyName(SnapshotFields.PromotionalPosts)] public required long PromotionalPosts { get; init; }
    [JsonPropertyName(SnapshotFields.SignedPosts)] public required long SignedPosts { get; init; }
    [JsonPropertyName(SnapshotFields.UniqueEngagers)] public long? UniqueEngagers { get; init; }
    [JsonPropertyName(SnapshotFields.ReturningEngagers)] public long? ReturningEngagers { get; init; }
    [JsonPropertyName(SnapshotFields.LinkClicks)] public long? LinkClicks { get; init; }
    [JsonPropertyName(SnapshotFields.Leads)] public long? Leads { get; init; }
    [JsonPropertyName(SnapshotFields.Conversions)] public long? Conversions { get; init; }

    /// <summary>Reactions, comments and shares: the interactions every network reports.</summary>
    [JsonIgnore] public long Engagements => Reactions + Comments + Shares;

    /// <summary>Days covered, both ends included.</summary>
    [JsonIgnore] public int Days => PeriodEnd.DayNumber - PeriodStart.DayNumber + 1;

    /// <summary>
    /// The id a snapshot gets when its sender gives none: one per profile and period, so sending the same period
    /// again replaces it instead of counting it twice.
    /// </summary>
    public static string NaturalId(string profileId, DateOnly periodStart, DateOnly periodEnd) =>
        $"{profileId}_{periodStart:yyyyMMdd}_{periodEnd:yyyyMMdd}";
}

/// <summary>The field names of a snapshot: JSON properties, CSV columns and error keys are all these.</summary>
public static class SnapshotFields
{
    public const string SnapshotId = "snapshotId";
    public const string BusinessId = "businessId";
    public const string ProfileId = "profileId";
    public const string Network = "network";
    public const string PeriodStart = "periodStart";
    public const string PeriodEnd = "periodEnd";
    public const string Followers = "followers";
    public const string Posts = "posts";
    public const string Reach = "reach";
    public const string Impressions = "impressions";
    public const string Reactions = "reactions";
    public const string Comments = "comments";
    public const string Shares = "shares";
    public const string RepliesByBusiness = "repliesByBusiness";
    public const string InboundNeedingAnswer = "inboundNeedingAnswer";
    public const string InboundAnswered = "inboundAnswered";
    public const string MedianFirstResponseMinutes = "medianFirstResponseMinutes";
    public const string PromotionalPosts = "promotionalPosts";
    public const string SignedPosts = "signedPosts";
    public const string UniqueEngagers = "uniqueEngagers";
    public const string ReturningEngagers = "returningEngagers";
    public const string LinkClicks = "linkClicks";
    public const string Leads = "leads";
    public const string Conversions = "conversions";
}
