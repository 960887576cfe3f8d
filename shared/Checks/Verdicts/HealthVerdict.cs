using System.Text.Json.Serialization;

namespace SocialWatch.Checks.Verdicts;

/// <summary>The health we declare for a profile (what owners are told), as opposed to the class of one check.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeclaredHealth>))]
public enum DeclaredHealth
{
    /// <summary>No conclusive result yet.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("alive")] Alive,
    [JsonStringEnumMemberName("dead")] Dead,
    [JsonStringEnumMemberName("moved")] Moved,
}

/// <summary>
/// A profile's declared health and the run of dead results behind it: all the history the policy needs, small enough to
/// store with the profile.
/// </summary>
/// <param name="State">The declared health.</param>
/// <param name="Since">When the declared health began (for dead: the first dead result of the run).</param>
/// <param name="DeadRun">Dead results in a row so far (inconclusive ones skipped).</param>
/// <param name="FirstDeadAt">When the run of dead results began.</param>
/// <param name="LastDeadAt">The latest dead result of the run.</param>
/// <param name="LastConclusiveAt">The latest alive, dead or moved result applied: older or repeated ones are ignored.</param>
/// <param name="MovedTo">For moved: the new address, if known.</param>
public sealed record HealthVerdict(
    DeclaredHealth State,
    DateTimeOffset? Since,
    int DeadRun,
    DateTimeOffset? FirstDeadAt,
    DateTimeOffset? LastDeadAt,
    DateTimeOffset? LastConclusiveAt,
    Uri? MovedTo)
{
    public static HealthVerdict Initial { get; } = new(DeclaredHealth.Unknown, null, 0, null, null, null, null);
}
