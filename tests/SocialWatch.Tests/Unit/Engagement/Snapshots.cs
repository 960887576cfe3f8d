using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Benchmarks;
using SocialWatch.Engagement;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Engagement;

/// <summary>Snapshots for tests: one worked example, and FsCheck generators of valid and invalid ones.</summary>
public static class Snapshots
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    /// <summary>
    /// An Instagram week whose figures are worked out by hand in the tests: 40 engagements on 4 posts and 2,000 followers
    /// (0.5 % per post), 8 of 10 messages answered in a median 90 minutes, 1 promotional and 2 signed posts.
    /// </summary>
    public static EngagementSnapshot Week { get; } = new()
    {
        SnapshotId = "ig-1_20250602_20250608",
        BusinessId = "bakery",
        ProfileId = "ig-1",
        Network = Network.Instagram,
        PeriodStart = new DateOnly(2025, 6, 2),
        PeriodEnd = new DateOnly(2025, 6, 8),
        Followers = 2000,
        Posts = 4,
        Reach = 1500,
        Impressions = 5000,
        Reactions = 30,
        Comments = 6,
        Shares = 4,
        RepliesByBusiness = 5,
        InboundNeedingAnswer = 10,
        InboundAnswered = 8,
        MedianFirstResponseMinutes = 90,
        PromotionalPosts = 1,
        SignedPosts = 2,
        UniqueEngagers = 25,
        ReturningEngagers = 10,
        LinkClicks = 12,
        Leads = 3,
        Conversions = 1,
    };

    public static IOptions<ScoringOptions> Options(Action<ScoringOptions>? configure = null)
    {
        var options = new ScoringOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static SnapshotValidator Validator() => new(Options(), new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero)));

    public static SnapshotScorer Scorer(Action<ScoringOptions>? configure = null) => new(Options(configure), IndustryMedians.LoadEmbedded());

    /// <summary>Every snapshot these make is valid as of <see cref="Today"/> with the default options.</summary>
    public static Gen<EngagementSnapshot> Valid { get; } =
        from daysBeforeToday in Gen.Choose(0, 1000)
        from days in Gen.Choose(1, 92)
        from network in Gen.Elements(Enum.GetValues<Network>())
        from followers in Gen.Choose(0, 5_000_000)
        from posts in Gen.Choose(0, 300)
        from promotional in Gen.Choose(0, posts)
        from signed in Gen.Choose(0, posts)
        from interactions in Gen.ArrayOf(Gen.Choose(0, 1_000_000), 4)
        from needing in Gen.Choose(0, 2000)
        from answered in Gen.Choose(0, needing)
        from median in answered == 0 ? Gen.Constant<double?>(null) : Optional(Gen.Choose(0, 20_000).Select(m => m / 4.0))
        from impressions in Optional(Gen.Choose(0, 10_000_000))
        from reach in impressions is { } most ? Optional(Gen.Choose(0, most)) : Optional(Gen.Choose(0, 10_000_000))
        from unique in Optional(Gen.Choose(0, 100_000))
        from returning in unique is { } all ? Optional(Gen.Choose(0, all)) : Gen.Constant<int?>(null)
        from funnel in Gen.ArrayOf(Optional(Gen.Choose(0, 50_000)), 3)
        let end = Today.AddDays(-daysBeforeToday)
        let start = end.AddDays(1 - days)
        select new EngagementSnapshot
        {
            SnapshotId = EngagementSnapshot.NaturalId("p-1", start, end),
            BusinessId = "business-1",
            ProfileId = "p-1",
            Network = network,
            PeriodStart = start,
            PeriodEnd = end,
            Followers = followers,
            Posts = posts,
            Reach = reach,
            Impressions = impressions,
            Reactions = interactions[0],
            Comments = interactions[1],
            Shares = interactions[2],
            RepliesByBusiness = interactions[3],
            InboundNeedingAnswer = needing,
            InboundAnswered = answered,
            MedianFirstResponseMinutes = median,
            PromotionalPosts = promotional,
            SignedPosts = signed,
            UniqueEngagers = unique,
            ReturningEngagers = returning,
            LinkClicks = funnel[0],
            Leads = funnel[1],
            Conversions = funnel[2],
        };

    /// <summary>One way to break a valid snapshot, and the field the validator must then name.</summary>
    public sealed record Breakage(string Field, string Description, Func<EngagementSnapshot, EngagementSnapshot> Apply)
    {
        public override string ToString() => Description;
    }

    public static IReadOnlyList<Breakage> Breakages { get; } =
    [
        new(SnapshotFields.Followers, "negative followers", s => s with { Followers = -1 }),
        new(SnapshotFields.Posts, "negative posts", s => s with { Posts = -3, PromotionalPosts = 0, SignedPosts = 0 }),
        new(SnapshotFields.Reactions, "negative reactions", s => s with { Reactions = -1 }),
        new(SnapshotFields.Comments, "negative comments", s => s with { Comments = -7 }),
        new(SnapshotFields.Shares, "negative shares", s => s with { Shares = -1 }),
        new(SnapshotFields.RepliesByBusiness, "negative replies", s => s with { RepliesByBusiness = -1 }),
        new(SnapshotFields.LinkClicks, "negative clicks", s => s with { LinkClicks = -1 }),
        new(SnapshotFields.Leads, "negative leads", s => s with { Leads = -2 }),
        new(SnapshotFields.Conversions, "negative conversions", s => s with { Conversions = -1 }),
        new(SnapshotFields.Followers, "implausible followers", s => s with { Followers = SnapshotValidator.MaxCount + 1 }),
        new(SnapshotFields.PromotionalPosts, "more promotional posts than posts", s => s with { PromotionalPosts = s.Posts + 1 }),
        new(SnapshotFields.SignedPosts, "more signed posts than posts", s => s with { SignedPosts = s.Posts + 1 }),
        new(SnapshotFields.InboundAnswered, "more answered than needing an answer", s => s with { InboundAnswered = s.InboundNeedingAnswer + 1 }),
        new(SnapshotFields.ReturningEngagers, "more returning than unique engagers", s => s with { UniqueEngagers = s.UniqueEngagers ?? 5, ReturningEngagers = (s.UniqueEngagers ?? 5) + 1 }),
        new(SnapshotFields.ReturningEngagers, "returning engagers without unique engagers", s => s with { UniqueEngagers = null, ReturningEngagers = 1 }),
        new(SnapshotFields.Reach, "reach above impressions", s => s with { Impressions = s.Impressions ?? 10, Reach = (s.Impressions ?? 10) + 1 }),
        new(SnapshotFields.PeriodEnd, "reversed period", s => s with { PeriodEnd = s.PeriodStart.AddDays(-1) }),
        new(SnapshotFields.PeriodEnd, "period of 93 days", s => s with { PeriodStart = s.PeriodEnd.AddDays(-92) }),
        new(SnapshotFields.PeriodEnd, "period ending tomorrow", s => s with { PeriodEnd = Today.AddDays(1), PeriodStart = Today }),
        new(SnapshotFields.ProfileId, "profile id with a slash", s => s with { ProfileId = "ig/1" }),
        new(SnapshotFields.SnapshotId, "blank snapshot id", s => s with { SnapshotId = " " }),
        new(SnapshotFields.BusinessId, "business id of 129 characters", s => s with { BusinessId = new string('b', 129) }),
        new(SnapshotFields.Network, "unknown network", s => s with { Network = (Network)99 }),
        new(SnapshotFields.MedianFirstResponseMinutes, "negative median response", s => s with { InboundNeedingAnswer = s.InboundNeedingAnswer + 1, InboundAnswered = s.InboundAnswered + 1, MedianFirstResponseMinutes = -5 }),
        new(SnapshotFields.MedianFirstResponseMinutes, "median response of NaN", s => s with { InboundNeedingAnswer = s.InboundNeedingAnswer + 1, InboundAnswered = s.InboundAnswered + 1, MedianFirstResponseMinutes = double.NaN }),
        new(SnapshotFields.MedianFirstResponseMinutes, "median response with nothing answered", s => s with { InboundAnswered = 0, MedianFirstResponseMinutes = 30 }),
    ];

    public sealed record BrokenSnapshot(EngagementSnapshot Snapshot, Breakage Breakage);

    public static Gen<BrokenSnapshot> Broken { get; } =
        from snapshot in Valid
        from breakage in Gen.Elements<Breakage>(Breakages)
        select new BrokenSnapshot(breakage.Apply(snapshot), breakage);

    private static Gen<T?> Optional<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(value => (T?)value)));
}

/// <summary>Registers the generators with FsCheck for <c>[Property(Arbitrary = [typeof(SnapshotArbitraries)])]</c>.</summary>
public static class SnapshotArbitraries
{
    public static Arbitrary<EngagementSnapshot> ValidSnapshot() => Snapshots.Valid.ToArbitrary();

    public static Arbitrary<Snapshots.BrokenSnapshot> BrokenSnapshot() => Snapshots.Broken.ToArbitrary();
}
