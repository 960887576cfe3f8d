using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;

namespace SocialWatch.Engagement.Scoring;

/// <summary>
/// Scores a profile's whole history, each snapshot in its own context: the period before it, the profile's baseline
/// engagement rate and the plan's response-time target. Snapshots arrive in any order (a year uploaded at once is scored
/// concurrently), so a snapshot's scores can change when an earlier period lands: scoring all of them together keeps every
/// one right whatever the order of arrival. Pure.
/// </summary>
public sealed class HistoryScorer(SnapshotScorer scorer, IOptions<ScoringOptions> options)
{
    private readonly ScoringOptions options = options.Value;

    /// <param name="history">One profile's snapshots, periods not overlapping.</param>
    /// <returns>Their scores, oldest first.</returns>
    public IReadOnlyList<SnapshotScores> ScoreAll(IReadOnlyList<EngagementSnapshot> history, TimeSpan? responseTimeTarget)
    {
        var ordered = history.OrderBy(s => s.PeriodStart).ToList();
        var baseline = Baseline(ordered);
        var scores = new List<SnapshotScores>(ordered.Count);
        EngagementSnapshot? previous = null;
        foreach (var snapshot in ordered)
        {
            scores.Add(scorer.Score(snapshot, new ScoringContext(previous?.PeriodEnd < snapshot.PeriodStart ? previous : null, baseline, responseTimeTarget)));
            previous = snapshot;
        }

        return scores;
    }

    /// <summary>The median engagement rate of the first periods that have one, as the benchmarks define the baseline; null until there are enough.</summary>
    private double? Baseline(IEnumerable<EngagementSnapshot> ordered)
    {
        var rates = ordered
            .Select(s => scorer.Score(s).EngagementRate.ByFollowersPerPost.Value)
            .OfType<double>()
            .Take(options.BaselinePeriods)
            .ToList();
        return rates.Count < options.BaselinePeriods ? null : Statistics.Median(rates);
    }
}
