using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWatch.Checks.Health;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// One profile to check, as a sweep enqueues it: everything the check needs (its URL, network and the plan's cadence for
/// that network), the profile's health as the fan-out read it (so the usual check writes it back ETag-conditionally without
/// reading it), the collectors' latest life signal for the profile, and whom an email about it goes to.
/// </summary>
/// <param name="Health">The health at fan-out, null when not carried (then the check reads it).</param>
/// <param name="LifeSignal">What a collector last learnt of the profile's life (moved, suspended, deactivated...), if anything.</param>
/// <param name="Address">Whom to email and what about the business, as the fan-out read it; null: read it if an email is due.</param>
public sealed record CheckProfileMessage(
    string SweepId,
    string BusinessId,
    string ProfileId,
    Uri Url,
    Network Network,
    double? PostsPerWeek,
    KnownHealth? Health = null,
    CheckSummary? LifeSignal = null,
    AlertAddress? Address = null)
{
    /// <summary>
    /// A message carrying more than this (a queue message holds 64 KiB, 48 KiB before base64) leaves the health and the address
    /// out: the check then reads them. A full 30-result history takes about 3 KB, so this is a guard, not the usual case.
    /// </summary>
    public const int MaxCarriedLength = 32 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public ProfileKey Profile => new(BusinessId, ProfileId);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>This message with the health and the address when they fit within <see cref="MaxCarriedLength"/>, without them otherwise.</summary>
    public CheckProfileMessage Carrying(KnownHealth health, AlertAddress address) =>
        this with { Health = health, Address = address } is var carrying && carrying.Serialize().Length <= MaxCarriedLength ? carrying : this;

    public static CheckProfileMessage Read(string message) =>
        JsonSerializer.Deserialize<CheckProfileMessage>(message, Json) is { SweepId.Length: > 0, BusinessId.Length: > 0, ProfileId.Length: > 0, Url: not null } read
            ? read
            : throw new FormatException("A check-profile message names a sweepId, businessId, profileId and url.");
}

/// <summary>A profile's health as stored when the fan-out read it: <see cref="Stored"/> null means none was stored yet.</summary>
public sealed record KnownHealth(ProfileHealth? Stored, string? Version);
