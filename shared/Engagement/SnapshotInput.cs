using System.Text.Json.Serialization;
using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Engagement;

/// <summary>
/// A snapshot as a client sends it in JSON: the business comes from the route, <see cref="SnapshotId"/> may be left out
/// (see <see cref="EngagementSnapshot.NaturalId"/>), required figures are checked here so a missing one is named.
/// </summary>
public sealed record SnapshotInput
{
    [JsonPropertyName(SnapshotFields.SnapshotId)] public string? SnapshotId { get; init; }
    [JsonPropertyName(SnapshotFields.ProfileId)] public string? ProfileId { get; init; }
    [JsonPropertyName(SnapshotFields.Network)] public Network? Network { get; init; }
    [JsonPropertyName(SnapshotFields.PeriodStart)] public DateOnly? PeriodStart { get; init; }
    [JsonPropertyName(SnapshotFields.PeriodEnd)] public DateOnly? PeriodEnd { get; init; }
    [JsonPropertyName(SnapshotFields.Followers)] public long? Followers { get; init; }
    [JsonPropertyName(SnapshotFields.Posts)] public long? Posts { get; init; }
    [JsonPropertyName(SnapshotFields.Reach)] public long? Reach { get; init; }
    [JsonPropertyName(SnapshotFields.Impressions)] public long? Impressions { get; init; }
    [JsonPropertyName(SnapshotFields.Reactions)] public long? Reactions { get; init; }
    [JsonPropertyName(SnapshotFields.Comments)] public long? Comments { get; init; }
    [JsonPropertyName(SnapshotFields.Shares)] public long? Shares { get; init; }
    [JsonPropertyName(SnapshotFields.RepliesByBusiness)] public long? RepliesByBusiness { get; init; }
    [JsonPropertyName(SnapshotFields.InboundNeedingAnswer)] public long? InboundNeedingAnswer { get; init; }
    [JsonPropertyName(SnapshotFields.InboundAnswered)] public long? InboundAnswered { get; init; }
    [JsonPropertyName(SnapshotFields.MedianFirstResponseMinutes)] public double? MedianFirstResponseMinutes { get; init; }
    [JsonPropertyName(SnapshotFields.PromotionalPosts)] public long? PromotionalPosts { get; init; }
    [JsonPropertyName(SnapshotFields.SignedPosts)] public long? SignedPosts { get; init; }
    [JsonPropertyName(SnapshotFields.UniqueEngagers)] public long? UniqueEngagers { get; init; }
    [JsonPropertyName(SnapshotFields.ReturningEngagers)] public long? ReturningEngagers { get; init; }
    [JsonPropertyName(SnapshotFields.LinkClicks)] public long? LinkClicks { get; init; }
    [JsonPropertyName(SnapshotFields.Leads)] public long? Leads { get; init; }
    [JsonPropertyName(SnapshotFields.Conversions)] public long? Conversions { get; init; }

    /// <summary>The snapshot, or null with an error for each required field left out (under <paramref name="path"/>).</summary>
    public EngagementSnapshot? ToSnapshot(string businessId, string path, ValidationErrors errors)
    {
        var missing = false;
        T Required<T>(T? value, string field)
            where T : struct
        {
            if (value is null)
            {
                errors.Add(ValidationErrors.Field(path, field), "is required");
                missing = true;
            }

            return value.GetValueOrDefault();
        }

        var profileId = ProfileId;
        if (string.IsNullOrWhiteSpace(profileId))
        {
            errors.Add(ValidationErrors.Field(path, SnapshotFields.ProfileId), "is required");
            missing = true;
        }

        var snapshot = new EngagementSnapshot
        {
            BusinessId = businessId,
            ProfileId = profileId ?? string.Empty,
            Network = Required(Network, SnapshotFields.Network),
            PeriodStart = Required(PeriodStart, SnapshotFields.PeriodStart),
            PeriodEnd = Required(PeriodEnd, SnapshotFields.PeriodEnd),
            SnapshotId = SnapshotId ?? EngagementSnapshot.NaturalId(profileId ?? string.Empty, PeriodStart.GetValueOrDefault(), PeriodEnd.GetValueOrDefault()),
            Followers = Required(Followers, SnapshotFields.Followers),
            Posts = Required(Posts, SnapshotFields.Posts),
            Reach = Reach,
            Impressions = Impressions,
            Reactions = Required(Reactions, SnapshotFields.Reactions),
            Comments = Required(Comments, SnapshotFields.Comments),
            Shares = Required(Shares, SnapshotFields.Shares),
            RepliesByBusiness = Required(RepliesByBusiness, SnapshotFields.RepliesByBusiness),
            InboundNeedingAnswer = Required(InboundNeedingAnswer, SnapshotFields.InboundNeedingAnswer),
            InboundAnswered = Required(InboundAnswered, SnapshotFields.InboundAnswered),
            MedianFirstResponseMinutes = MedianFirstResponseMinutes,
            PromotionalPosts = Required(PromotionalPosts, SnapshotFields.PromotionalPosts),
            SignedPosts = Required(SignedPosts, SnapshotFields.SignedPosts),
            UniqueEngagers = UniqueEngagers,
            ReturningEngagers = ReturningEngagers,
            LinkClicks = LinkClicks,
            Leads = Leads,
            Conversions = Conversions,
        };
        return missing ? null : snapshot;
    }
}
