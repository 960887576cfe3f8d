using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Engagement;

public sealed class HistoryScorerScoreAll
{
    private static readonly IOptions<ScoringOptions> Options = Microsoft.Extensions.Options.Options.Create(new ScoringOptions());
    private static readonly HistoryScorer Scorer = new(new SnapshotScorer(Options, IndustryMedians.LoadEmbedded()), Options);

    private static List<EngagementSnapshot> Weeks(int count) =>
        Enumerable.Range(0, count).Select(w => ScoringHost.Snapshot("b", "p", Network.Instagram, new DateOnly(2026, 1, 5).AddDays(7 * w), followers: 1000 + (w * 100))).ToList();

    [Fact]
    public void ScoresEachPeriodAgainstThePeriodBeforeIt()
    {
        var scores = Scorer.ScoreAll(Weeks(3), null);

        Assert.False(scores[0].Growth.FollowerGrowthPercent.IsAvailable);
        Assert.Equal(10, scores[1].Growth.FollowerGrowthPercent.Value!.Value, 6);
        Assert.Equal(100.0 / 11, scores[2].Growth.FollowerGrowthPercent.Value!.Value, 6);
    }

    [Fact]
    public void GivesTheSameScoresWhateverTheOrderTheHistoryArrivedIn()
    {
        var inOrder = Weeks(9);
        var shuffled = inOrder.OrderBy(s => s.PeriodStart.DayNumber % 5).ThenByDescending(s => s.PeriodStart).ToList();

        Assert.Equal(JsonSerializer.Serialize(Scorer.ScoreAll(inOrder, null)), JsonSerializer.Serialize(Scorer.ScoreAll(shuffled, null)));
    }

    [Fact]
    public void RatesEngagementAgainstTheProfilesBaselineOnceItHasEnoughPeriods()
    {
        static string Reference(IReadOnlyList<SnapshotScores> scores) =>
            scores[^1].Health.Components.Single(c => c.Name == SnapshotScorer.EngagementComponent).Explanation;

        Assert.Contains("industry median", Reference(Scorer.ScoreAll(Weeks(Options.Value.BaselinePeriods - 1), null)), StringComparison.Ordinal);
        Assert.Contains("this profile's baseline", Reference(Scorer.ScoreAll(Weeks(Options.Value.BaselinePeriods), null)), StringComparison.Ordinal);
    }
}
