using Microsoft.Extensions.Options;
using SocialWatch.Benchmarks;

namespace SocialWatch.Engagement.Scoring;

/// <summary>
/// What the scores of one snapshot depend on besides the snapshot: the profile's previous period (for growth), its
/// baseline engagement rate (the health score prefers it to the industry median) and the plan's response-time target.
/// </summary>
public sealed record ScoringContext(EngagementSnapshot? Previous = null, double? BaselineEngagementRatePercent = null, TimeSpan? ResponseTimeTarget = null)
{
    public static ScoringContext None { get; } = new();
}

/// <summary>Computes every score of a validated snapshot. Pure: the same snapshot and context give the same scores.</summary>
public sealed partial class SnapshotScorer(IOptions<ScoringOptions> options, IndustryMedians industry)
{
    private const string NoPosts = "no posts in the period";
    private const string NoFollowers = "no followers";
    private const string NoEngagements = "no engagements in the period";

    private readonly ScoringOptions options = options.Value;

    public SnapshotScores Score(EngagementSnapshot snapshot, ScoringContext? context = null)
    {
        context ??= ScoringContext.None;
        if (context.Previous is { } previous && (previous.ProfileId != snapshot.ProfileId || previous.PeriodEnd >= snapshot.PeriodStart))
        {
            throw new ArgumentException($"The previous snapshot must be of profile {snapshot.ProfileId} and end before {snapshot.PeriodStart:yyyy-MM-dd}.", nameof(context));
        }

        var rates = EngagementRates(snapshot);
        var postsPerWeek = Measure.Ratio(snapshot.Posts, snapshot.Days, 7, "the period has no days");
        var responsiveness = Responsiveness(snapshot, context.ResponseTimeTarget ?? options.ResponseTimeTarget);
        var promotional = Measure.Ratio(snapshot.PromotionalPosts, snapshot.Posts, 100, NoPosts);
        var giveVersusAsk = new GiveVersusAsk(promotional, options.PromotionalShareThresholdPercent, promotional.Value is { } share ? share <= options.PromotionalShareThresholdPercent : null);
        var personalVoice = Measure.Ratio(snapshot.SignedPosts, snapshot.Posts, 100, NoPosts);
        var returning = Part(snapshot.ReturningEngagers, SnapshotFields.ReturningEngagers, snapshot.UniqueEngagers, SnapshotFields.UniqueEngagers, "no unique engagers");

        return new SnapshotScores(
            snapshot.SnapshotId,
            snapshot.BusinessId,
            snapshot.ProfileId,
            snapshot.Network,
            snapshot.PeriodStart,
            snapshot.PeriodEnd,
            snapshot.Followers,
            snapshot.Posts,
            snapshot.Engagements,
            postsPerWeek,
            rates,
            Interaction(snapshot.Comments, snapshot),
            Interaction(snapshot.Shares, snapshot),
            Interaction(snapshot.Reactions, snapshot),
            responsiveness,
            giveVersusAsk,
            personalVoice,
            returning,
            Growth(snapshot, context.Previous),
            Funnel(snapshot),
            Health(snapshot.Network, new HealthInputs(rates.ByFollowersPerPost, context.BaselineEngagementRatePercent, responsiveness, giveVersusAsk, postsPerWeek, returning, personalVoice)));
    }

    private static EngagementRates EngagementRates(EngagementSnapshot snapshot)
    {
        var perPost = Measure.Ratio(snapshot.Engagements, snapshot.Posts, 1, NoPosts);
        return new EngagementRates(
            perPost.Map(engagementsPerPost => Measure.Ratio(engagementsPerPost, snapshot.Followers, 100, NoFollowers)),
            Part(snapshot.Engagements, "engagements", snapshot.Reach, SnapshotFields.Reach, "reach is 0"),
            Part(snapshot.Engagements, "engagements", snapshot.Impressions, SnapshotFields.Impressions, "impressions are 0"));
    }

    private static InteractionRate Interaction(long count, EngagementSnapshot snapshot)
    {
        var perPost = Measure.Ratio(count, snapshot.Posts, 1, NoPosts);
        return new InteractionRate(perPost, perPost.Map(value => Measure.Ratio(value, snapshot.Followers, 1000, NoFollowers)));
    }

    private static Responsiveness Responsiveness(EngagementSnapshot snapshot, TimeSpan target)
    {
        var rate = Measure.Ratio(snapshot.InboundAnswered, snapshot.InboundNeedingAnswer, 100, "no inbound message needed an answer");
        var median = snapshot.MedianFirstResponseMinutes is { } minutes ? Measure.Of(minutes)
            : Measure.NotAvailable(snapshot.InboundAnswered == 0 ? "no message was answered" : $"{SnapshotFields.MedianFirstResponseMinutes} not provided");
        return new Responsiveness(rate, median, target.TotalMinutes, median.Value is { } took ? took <= target.TotalMinutes : null);
    }

    private FollowerGrowth Growth(EngagementSnapshot snapshot, EngagementSnapshot? previous)
    {
        if (previous is null)
        {
            var none = Measure.NotAvailable("no previous period");
            return new FollowerGrowth(none, none, options.FollowerSpikePercent, GiveawaySpike: false);
        }

        var followerGrowth = Measure.Ratio(snapshot.Followers - previous.Followers, previous.Followers, 100, "no followers in the previous period");
        // Per day, so that a week compared with a month (or a short month with a long one) is fair.
        var perDay = (double)snapshot.Engagements / snapshot.Days;
        var previousPerDay = (double)previous.Engagements / previous.Days;
        var engagementGrowth = Measure.Ratio(perDay - previousPerDay, previousPerDay, 100, "no engagements in the previous period");
        var spike = followerGrowth.Value >= options.FollowerSpikePercent && perDay <= previousPerDay;
        return new FollowerGrowth(followerGrowth, engagementGrowth, options.FollowerSpikePercent, spike);
    }

    private static Funnel Funnel(EngagementSnapshot snapshot) => new(
        snapshot.Engagements,
        snapshot.LinkClicks,
        snapshot.Leads,
        snapshot.Conversions,
        Part(snapshot.LinkClicks, SnapshotFields.LinkClicks, snapshot.Engagements, "engagements", NoEngagements),
        Part(snapshot.Leads, SnapshotFields.Leads, snapshot.LinkClicks, SnapshotFields.LinkClicks, "no link clicks"),
        Part(snapshot.Conversions, SnapshotFields.Conversions, snapshot.Leads, SnapshotFields.Leads, "no leads"),
        Part(snapshot.Conversions, SnapshotFields.Conversions, snapshot.Engagements, "engagements", NoEngagements));

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>, naming whichever input is missing or zero.</summary>
    private static Measure Part(long? part, string partName, long? whole, string wholeName, string whenWholeIsZero) =>
        whole is null ? Measure.NotAvailable($"{wholeName} not provided")
        : part is null ? Measure.NotAvailable($"{partName} not provided")
        : Measure.Ratio(part.Value, whole.Value, 100, whenWholeIsZero);
}
