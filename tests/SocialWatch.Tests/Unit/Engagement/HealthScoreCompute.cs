using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Engagement;

public sealed class HealthScoreCompute
{
    private const int Precision = 6;
    private readonly SnapshotScorer scorer = Snapshots.Scorer();

    [Fact]
    public void ShowsEveryComponentWithItsWeightValuePointsAndExplanation()
    {
        var health = scorer.Score(Snapshots.Week).Health;
        var points = health.Components.ToDictionary(c => c.Name, c => c.Points!.Value);

        // Instagram median 0.47 % per post and 4.6 posts a week (Rival IQ 2023, 2022 data).
        Assert.Equal(30 * Math.Min(0.5 / 0.47, 2) / 2, points[SnapshotScorer.EngagementComponent], Precision);
        Assert.Equal(20 * 0.8, points[SnapshotScorer.ResponsivenessComponent], Precision);
        Assert.Equal(15 * (1 - (5.0 / 20)), points[SnapshotScorer.GiveVersusAskComponent], Precision);
        Assert.Equal(15 * (4 / 4.6), points[SnapshotScorer.PostingFrequencyComponent], Precision);
        Assert.Equal(10, points[SnapshotScorer.ReturningEngagersComponent], Precision);
        Assert.Equal(10, points[SnapshotScorer.PersonalVoiceComponent], Precision);
        Assert.Equal(76.250925, health.Score.Value!.Value, Precision);
        Assert.Equal((100.0, 100.0, "All 6 components are available."), (health.AvailableWeight, health.TotalWeight, health.Note));
        Assert.Equal(
            "Engagement rate 0.5 % per post by followers is 1.064× the instagram industry median (Rival IQ, 2023 Social Media Industry Benchmark Report, 2022 data, all industries) of 0.47 %; twice the reference or more earns every point.",
            health.Components[0].Explanation);
        Assert.All(health.Components, c => Assert.EndsWith(".", c.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void PrefersTheProfilesOwnBaselineToTheIndustryMedian()
    {
        var health = scorer.Score(Snapshots.Week, new ScoringContext(BaselineEngagementRatePercent: 0.25)).Health;

        var engagement = health.Components[0];
        Assert.Equal(30, engagement.Points!.Value, Precision);
        Assert.Contains("2× this profile's baseline of 0.25 %", engagement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ScalesResponsivenessDownWhenSlowerThanTheTarget()
    {
        var health = scorer.Score(Snapshots.Week, new ScoringContext(ResponseTimeTarget: TimeSpan.FromMinutes(45))).Health;

        Assert.Equal(20 * 0.8 * 0.5, health.Components[1].Points!.Value, Precision);
        Assert.Contains("scaled by 0.5", health.Components[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesNoGiveVersusAskPointsAtTwiceTheThreshold()
    {
        var health = scorer.Score(Snapshots.Week with { PromotionalPosts = 2 }).Health;

        Assert.Equal(0.0, health.Components[2].Points);
    }

    [Fact]
    public void RescalesOverTheAvailableComponentsAndSaysWhichAreMissing()
    {
        // LinkedIn has no published median; the unique engagers are not tracked.
        var snapshot = Snapshots.Week with { Network = Network.LinkedIn, UniqueEngagers = null, ReturningEngagers = null };

        var health = scorer.Score(snapshot).Health;

        Assert.Equal((16 + 11.25 + 10) / 45 * 100, health.Score.Value!.Value, Precision);
        Assert.Equal((45.0, 100.0), (health.AvailableWeight, health.TotalWeight));
        Assert.Equal(
            "Rescaled to 100 over 3 of 6 components (weight 45 of 100) because these are not available: engagement, posting-frequency, returning-engagers; each component says why.",
            health.Note);
        Assert.Equal("Not available: no published median for linkedin.", health.Components[0].Explanation);
        Assert.Null(health.Components[0].Points);
        Assert.Equal(0.5, health.Components[0].Value.Value!.Value, Precision);
    }

    [Fact]
    public void IsNotAvailableWhenNoWeightedComponentIs()
    {
        var scorer = Snapshots.Scorer(options => options.Weights = new() { Engagement = 0, Responsiveness = 0, GiveVersusAsk = 0, PostingFrequency = 0, ReturningEngagers = 0, PersonalVoice = 10 });

        var health = scorer.Score(Snapshots.Week with { Posts = 0, PromotionalPosts = 0, SignedPosts = 0 }).Health;

        Assert.Equal("no weighted component is available", health.Score.NotAvailableBecause);
    }

    [Fact]
    public void FollowsTheConfiguredWeights()
    {
        var onlyVoice = Snapshots.Scorer(options => options.Weights = new() { Engagement = 0, Responsiveness = 0, GiveVersusAsk = 0, PostingFrequency = 0, ReturningEngagers = 0, PersonalVoice = 1 });

        Assert.Equal(100.0, onlyVoice.Score(Snapshots.Week).Health.Score.Value);
        Assert.Equal(50, onlyVoice.Score(Snapshots.Week with { SignedPosts = 1 }).Health.Score.Value!.Value, Precision);
    }
}
