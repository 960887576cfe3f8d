using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// One profile to check, as a sweep enqueues it: everything the check needs (its URL, network and the plan's cadence for
/// that network), so the check reads nothing but the profile's health.
/// </summary>
public sealed record CheckProfileMessage(string SweepId, string BusinessId, string ProfileId, Uri Url, Network Network, double? PostsPerWeek)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public ProfileKey Profile => new(BusinessId, ProfileId);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static CheckProfileMessage Read(string message) =>
        JsonSerializer.Deserialize<CheckProfileMessage>(message, Json) is { SweepId.Length: > 0, BusinessId.Length: > 0, ProfileId.Length: > 0, Url: not null } read
            ? read
            : throw new FormatException("A check-profile message names a sweepId, businessId, profileId and url.");
}
