using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;

namespace SocialWatch.Tests.Unit.Engagement;

/// <summary>What holds for every valid snapshot, checked on generated ones.</summary>
public sealed class ScoringProperties
{
    private readonly SnapshotScorer scorer = Snapshots.Scorer();

    [Property(Arbitrary = [typeof(SnapshotArbitraries)], MaxTest = 300)]
    public void SharesArePercentagesBetween0And100AndOtherRatesAreNotNegative(EngagementSnapshot snapshot)
    {
        var s = scorer.Score(snapshot);

        Assert.All([s.Responsiveness.ResponseRatePercent, s.GiveVersusAsk.PromotionalPercent, s.PersonalVoicePercent, s.ReturningEngagersPercent],
            share => Assert.True(share.Value is null or (>= 0 and <= 100), $"{share} is not a percentage"));
        Assert.All(
            [
                s.EngagementRate.ByFollowersPerPost, s.EngagementRate.ByReach, s.EngagementRate.ByImpressions, s.PostsPerWeek,
                s.Conversation.PerPost, s.Conversation.PerPostPer1000Followers, s.Amplification.PerPost, s.Applause.PerPostPer1000Followers,
                s.Responsiveness.MedianResponseMinutes, s.Funnel.ClicksPerEngagementPercent, s.Funnel.LeadsPerClickPercent,
                s.Funnel.ConversionsPerLeadPercent, s.Funnel.ConversionsPerEngagementPercent,
            ],
            rate => Assert.True(rate.Value is null or >= 0, $"{rate} is negative"));
        Assert.All(EngagementMetrics.All, metric => Assert.True(metric.Read(s) is null or >= 0, $"{metric.Metric} is negative"));
    }

    [Property(Arbitrary = [typeof(SnapshotArbitraries)], MaxTest = 300)]
    public void HealthIsBetween0And100AndNoComponentEarnsMoreThanItsWeight(EngagementSnapshot snapshot, EngagementSnapshot previous)
    {
        var context = previous.PeriodEnd < snapshot.PeriodStart ? new ScoringContext(Previous: previous) : ScoringContext.None;

        var health = scorer.Score(snapshot, context).Health;

        Assert.True(health.Score.Value is >= 0 and <= 100, $"health {health.Score}");
        Assert.All(health.Components, c => Assert.True(c.Points is null || (c.Points >= 0 && c.Points <= c.Weight), $"{c.Name} earns {c.Points} of {c.Weight}"));
        Assert.All(health.Components, c => Assert.Equal(c.Points is null, c.Explanation.StartsWith("Not available: ", StringComparison.Ordinal)));
    }

    [Property(Arbitrary = [typeof(SnapshotArbitraries)], MaxTest = 300)]
    public void ScalingEveryCountByTheSameFactorLeavesEveryRatioOfCountsUnchanged(EngagementSnapshot snapshot, PositiveInt factor)
    {
        var k = factor.Get % 1000 + 1;
        var scaled = snapshot with
        {
            Followers = snapshot.Followers * k, Posts = snapshot.Posts * k, Reach = snapshot.Reach * k, Impressions = snapshot.Impressions * k,
            Reactions = snapshot.Reactions * k, Comments = snapshot.Comments * k, Shares = snapshot.Shares * k,
            InboundNeedingAnswer = snapshot.InboundNeedingAnswer * k, InboundAnswered = snapshot.InboundAnswered * k,
            PromotionalPosts = snapshot.PromotionalPosts * k, SignedPosts = snapshot.SignedPosts * k,
            UniqueEngagers = snapshot.UniqueEngagers * k, ReturningEngagers = snapshot.ReturningEngagers * k,
            LinkClicks = snapshot.LinkClicks * k, Leads = snapshot.Leads * k, Conversions = snapshot.Conversions * k,
        };

        var (before, after) = (scorer.Score(snapshot), scorer.Score(scaled));

        AssertSame(before.EngagementRate.ByReach, after.EngagementRate.ByReach);
        AssertSame(before.EngagementRate.ByImpressions, after.EngagementRate.ByImpressions);
        AssertSame(before.Conversation.PerPost, after.Conversation.PerPost);
        AssertSame(before.Amplification.PerPost, after.Amplification.PerPost);
        AssertSame(before.Applause.PerPost, after.Applause.PerPost);
        AssertSame(before.Responsiveness.ResponseRatePercent, after.Responsiveness.ResponseRatePercent);
        AssertSame(before.GiveVersusAsk.PromotionalPercent, after.GiveVersusAsk.PromotionalPercent);
        AssertSame(before.PersonalVoicePercent, after.PersonalVoicePercent);
        AssertSame(before.ReturningEngagersPercent, after.ReturningEngagersPercent);
        AssertSame(before.Funnel.ClicksPerEngagementPercent, after.Funnel.ClicksPerEngagementPercent);
        AssertSame(before.Funnel.LeadsPerClickPercent, after.Funnel.LeadsPerClickPercent);
        AssertSame(before.Funnel.ConversionsPerLeadPercent, after.Funnel.ConversionsPerLeadPercent);
    }

    [Property(Arbitrary = [typeof(SnapshotArbitraries)], MaxTest = 300)]
    public void ScalingEngagementsAndFollowersTogetherLeavesTheEngagementRateUnchanged(EngagementSnapshot snapshot, PositiveInt factor)
    {
        var k = factor.Get % 1000 + 1;
        var scaled = snapshot with { Followers = snapshot.Followers * k, Reactions = snapshot.Reactions * k, Comments = snapshot.Comments * k, Shares = snapshot.Shares * k };

        AssertSame(scorer.Score(snapshot).EngagementRate.ByFollowersPerPost, scorer.Score(scaled).EngagementRate.ByFollowersPerPost);
    }

    private static void AssertSame(Measure expected, Measure actual)
    {
        Assert.Equal(expected.NotAvailableBecause, actual.NotAvailableBecause);
        if (expected.Value is { } value)
        {
            Assert.Equal(value, actual.Value!.Value, Math.Max(Math.Abs(value), 1) * 1e-12);
        }
    }
}
