using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Staleness;

/// <summary>How a profile's posting compares with its plan.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Staleness>))]
public enum Staleness
{
    /// <summary>No activity known: never abandoned on a guess.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("slowing")] Slowing,
    [JsonStringEnumMemberName("stale")] Stale,
    [JsonStringEnumMemberName("abandoned")] Abandoned,
}

/// <summary>A staleness verdict with the figures behind it.</summary>
/// <param name="State">The verdict.</param>
/// <param name="Silence">Time since the last known activity.</param>
/// <param name="PlannedInterval">7 days ÷ planned posts per week, when the plan has a cadence.</param>
/// <param name="NextChangeAt">When the verdict worsens if nothing is posted, if it can.</param>
public sealed record StalenessAssessment(Staleness State, TimeSpan? Silence, TimeSpan? PlannedInterval, DateTimeOffset? NextChangeAt);

/// <summary>Compares a profile's last activity with the plan's cadence for its network.</summary>
public sealed class StalenessEvaluator(IOptions<StalenessOptions> options)
{
    public StalenessAssessment Evaluate(DateTimeOffset? lastActivity, double? postsPerWeek, DateTimeOffset now)
    {
        if (lastActivity is not { } last)
        {
            return new StalenessAssessment(Staleness.Unknown, null, null, null);
        }

        var settings = options.Value;
        var silence = now > last ? now - last : TimeSpan.Zero;
        TimeSpan? interval = postsPerWeek is > 0 and var perWeek ? TimeSpan.FromDays(7) / perWeek : null;

        // Without a cadence only the absolute floor applies: nothing is slowing against no plan.
        var thresholds = new List<(Staleness State, TimeSpan After)>();
        if (interval is { } i)
        {
            thresholds.Add((Staleness.Slowing, i * settings.SlowingAfterIntervals));
            thresholds.Add((Staleness.Stale, i * settings.StaleAfterIntervals));
        }

        var abandonedAfter = interval is { } planned && planned * settings.AbandonedAfterIntervals > settings.AbandonedAfterAtLeast
            ? planned * settings.AbandonedAfterIntervals
            : settings.AbandonedAfterAtLeast;
        thresholds.Add((Staleness.Abandoned, abandonedAfter));

        var state = Staleness.Active;
        foreach (var (reached, after) in thresholds)
        {
            if (silence >= after)
            {
                state = reached;
            }
        }

        var nextChangeAt = thresholds.Where(t => silence < t.After).Select(t => (DateTimeOffset?)(last + t.After)).FirstOrDefault();
        return new StalenessAssessment(state, silence, interval, nextChangeAt);
    }
}
