using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Engagement;

/// <summary>Each formula on the worked example (<see cref="Snapshots.Week"/>), computed by hand.</summary>
public sealed class SnapshotScoring
{
    private const int Precision = 9;
    private readonly SnapshotScorer scorer = Snapshots.Scorer();

    [Fact]
    public void ComputesTheEngagementRateByEachMethod()
    {
        var rates = scorer.Score(Snapshots.Week).EngagementRate;

        Assert.Equal(0.5, rates.ByFollowersPerPost.Value!.Value, Precision); // 40 engagements ÷ 4 posts ÷ 2,000 followers × 100
        Assert.Equal(40.0 / 1500 * 100, rates.ByReach.Value!.Value, Precision);
        Assert.Equal(0.8, rates.ByImpressions.Value!.Value, Precision);
    }

    [Fact]
    public void ComputesKaushiksRatesPerPostAndPerThousandFollowers()
    {
        var scores = scorer.Score(Snapshots.Week);

        Assert.Equal((1.5, 0.75), (scores.Conversation.PerPost.Value!.Value, scores.Conversation.PerPostPer1000Followers.Value!.Value));
        Assert.Equal((1.0, 0.5), (scores.Amplification.PerPost.Value!.Value, scores.Amplification.PerPostPer1000Followers.Value!.Value));
        Assert.Equal((7.5, 3.75), (scores.Applause.PerPost.Value!.Value, scores.Applause.PerPostPer1000Followers.Value!.Value));
    }

    [Fact]
    public void ComputesResponsivenessAgainstTheDefaultOrThePlansTarget()
    {
        var byDefault = scorer.Score(Snapshots.Week).Responsiveness;
        var strictPlan = scorer.Score(Snapshots.Week, new ScoringContext(ResponseTimeTarget: TimeSpan.FromHours(1))).Responsiveness;

        Assert.Equal((80.0, 90.0, 1440.0, true), (byDefault.ResponseRatePercent.Value!.Value, byDefault.MedianResponseMinutes.Value!.Value, byDefault.TargetMinutes, byDefault.WithinTarget));
        Assert.Equal((60.0, false), (strictPlan.TargetMinutes, strictPlan.WithinTarget));
    }

    [Fact]
    public void ComputesGiveVersusAskPersonalVoiceReturningEngagersAndPostsPerWeek()
    {
        var scores = scorer.Score(Snapshots.Week);

        Assert.Equal((25.0, 20.0, false), (scores.GiveVersusAsk.PromotionalPercent.Value!.Value, scores.GiveVersusAsk.ThresholdPercent, scores.GiveVersusAsk.WithinThreshold));
        Assert.Equal(50.0, scores.PersonalVoicePercent.Value);
        Assert.Equal(40.0, scores.ReturningEngagersPercent.Value);
        Assert.Equal(4.0, scores.PostsPerWeek.Value!.Value, Precision);
    }

    [Fact]
    public void ComputesEachStepOfTheFunnel()
    {
        var funnel = scorer.Score(Snapshots.Week).Funnel;

        Assert.Equal((40L, 12L, 3L, 1L), (funnel.Engagements, funnel.LinkClicks!.Value, funnel.Leads!.Value, funnel.Conversions!.Value));
        Assert.Equal(30.0, funnel.ClicksPerEngagementPercent.Value!.Value, Precision);
        Assert.Equal(25.0, funnel.LeadsPerClickPercent.Value!.Value, Precision);
        Assert.Equal(100.0 / 3, funnel.ConversionsPerLeadPercent.Value!.Value, Precision);
        Assert.Equal(2.5, funnel.ConversionsPerEngagementPercent.Value!.Value, Precision);
    }

    [Fact]
    public void FlagsFollowersThatCameWithoutEngagementAsAGiveawaySpike()
    {
        var previous = Snapshots.Week with { PeriodStart = new DateOnly(2025, 5, 26), PeriodEnd = new DateOnly(2025, 6, 1), Followers = 1600 };

        var growth = scorer.Score(Snapshots.Week, new ScoringContext(Previous: previous)).Growth;

        Assert.Equal((25.0, 0.0, true), (growth.FollowerGrowthPercent.Value!.Value, growth.EngagementsPerDayGrowthPercent.Value!.Value, growth.GiveawaySpike));
    }

    [Fact]
    public void DoesNotFlagGrowthThatBroughtMoreEngagementPerDay()
    {
        // The previous period is a fortnight with 60 engagements: 30 a week, so 40 this week is a third more per day.
        var previous = Snapshots.Week with { PeriodStart = new DateOnly(2025, 5, 19), PeriodEnd = new DateOnly(2025, 6, 1), Followers = 1600, Reactions = 45, Comments = 9, Shares = 6 };

        var growth = scorer.Score(Snapshots.Week, new ScoringContext(Previous: previous)).Growth;

        Assert.Equal(100.0 / 3, growth.EngagementsPerDayGrowthPercent.Value!.Value, Precision);
        Assert.False(growth.GiveawaySpike);
    }

    [Fact]
    public void RefusesAPreviousSnapshotOfAnotherProfileOrAnOverlappingPeriod()
    {
        Assert.Throws<ArgumentException>(() => scorer.Score(Snapshots.Week, new ScoringContext(Previous: Snapshots.Week with { ProfileId = "fb-1" })));
        Assert.Throws<ArgumentException>(() => scorer.Score(Snapshots.Week, new ScoringContext(Previous: Snapshots.Week)));
    }

    [Fact]
    public void SaysWhyEachRateIsNotAvailableInsteadOfDividingByZero()
    {
        var silent = Snapshots.Week with
        {
            Followers = 0, Posts = 0, PromotionalPosts = 0, SignedPosts = 0, Reach = null, Impressions = 0,
            InboundNeedingAnswer = 0, InboundAnswered = 0, MedianFirstResponseMinutes = null, UniqueEngagers = null, ReturningEngagers = null,
            LinkClicks = 0, Leads = null,
        };

        var scores = scorer.Score(silent);

        Assert.Equal("no posts in the period", scores.EngagementRate.ByFollowersPerPost.NotAvailableBecause);
        Assert.Equal("reach not provided", scores.EngagementRate.ByReach.NotAvailableBecause);
        Assert.Equal("impressions are 0", scores.EngagementRate.ByImpressions.NotAvailableBecause);
        Assert.Equal("no posts in the period", scores.Conversation.PerPostPer1000Followers.NotAvailableBecause);
        Assert.Equal("no inbound message needed an answer", scores.Responsiveness.ResponseRatePercent.NotAvailableBecause);
        Assert.Equal("no message was answered", scores.Responsiveness.MedianResponseMinutes.NotAvailableBecause);
        Assert.Null(scores.Responsiveness.WithinTarget);
        Assert.Null(scores.GiveVersusAsk.WithinThreshold);
        Assert.Equal("uniqueEngagers not provided", scores.ReturningEngagersPercent.NotAvailableBecause);
        Assert.Equal("leads not provided", scores.Funnel.LeadsPerClickPercent.NotAvailableBecause);
        Assert.Equal(0.0, scores.PostsPerWeek.Value);
    }

    [Fact]
    public void SaysFollowersAreMissingWhenPostsExistButNoFollowers()
    {
        var scores = scorer.Score(Snapshots.Week with { Followers = 0 });

        Assert.Equal("no followers", scores.EngagementRate.ByFollowersPerPost.NotAvailableBecause);
        Assert.Equal(1.5, scores.Conversation.PerPost.Value);
        Assert.Equal("no followers", scores.Conversation.PerPostPer1000Followers.NotAvailableBecause);
    }

    [Fact]
    public void ReadsEveryMetricOfTheCatalogueFromTheScores()
    {
        var scores = scorer.Score(Snapshots.Week);

        var values = EngagementMetrics.All.ToDictionary(d => d.Metric, d => d.Read(scores));

        Assert.Equal(Enum.GetValues<EngagementMetric>().Length, values.Count);
        Assert.Equal(0.5, values[EngagementMetric.EngagementRate]!.Value, Precision);
        Assert.Equal(90.0, values[EngagementMetric.MedianResponseMinutes]);
        Assert.False(EngagementMetric.MedianResponseMinutes.Definition().HigherIsBetter);
        Assert.Equal(scores.Health.Score.Value, values[EngagementMetric.HealthScore]);
    }

    [Fact]
    public void ScoresAProfileOnANetworkWithoutPublishedMedians()
    {
        var scores = scorer.Score(Snapshots.Week with { Network = Network.Mastodon });

        Assert.Equal(0.5, scores.EngagementRate.ByFollowersPerPost.Value!.Value, Precision);
        Assert.True(scores.Health.Score.IsAvailable);
    }
}
