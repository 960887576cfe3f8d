using System.Globalization;
using SocialWatch.Engagement;
using SocialWatch.Profiles;

namespace SocialWatch.Demo;

/// <summary>How a demo profile behaves: its audience, cadence and engagement, and what happens to it during the year.</summary>
public sealed record DemoProfileShape(Network Network, long StartFollowers, double FollowersPerWeek, double PostsPerWeek, double EngagementRatePercent, int? GiveawayWeek = null, int? AbandonedFromWeek = null);

/// <summary>
/// Weekly snapshots with realistic shapes, the same every run (a fixed seed): a summer season and a December rush, noise
/// around them, a giveaway that brings followers but no engagement, and a network abandoned half-way through the year.
/// </summary>
public static class DemoSnapshots
{
    public const ulong Seed = 20240601;

    /// <summary>Instagram carries the business (with a giveaway in week 20), Facebook keeps a presence, X is abandoned in week 27.</summary>
    public static IReadOnlyList<DemoProfileShape> Shapes { get; } =
    [
        new(Network.Instagram, 1800, 14, 4, 2.1, GiveawayWeek: 20),
        new(Network.Facebook, 950, 3, 2, 0.35),
        new(Network.X, 420, 1, 3, 0.25, AbandonedFromWeek: 27),
    ];

    /// <summary>The Monday-to-Sunday weeks ending with the last full week before <paramref name="today"/>.</summary>
    public static IReadOnlyList<DateOnly> WeekStarts(DateOnly today, int weeks)
    {
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        return Enumerable.Range(0, weeks).Select(i => lastMonday.AddDays(-7 * (weeks - 1 - i))).ToList();
    }

    /// <param name="profiles">Each profile's id, with its shape.</param>
    public static IReadOnlyList<EngagementSnapshot> Generate(string businessId, IReadOnlyList<(string ProfileId, DemoProfileShape Shape)> profiles, DateOnly today, int weeks)
    {
        var starts = WeekStarts(today, weeks);
        var snapshots = new List<EngagementSnapshot>();
        for (var p = 0; p < profiles.Count; p++)
        {
            var (profileId, shape) = profiles[p];
            var noise = new Noise(Seed + (ulong)p);
            double followers = shape.StartFollowers;
            for (var week = 0; week < starts.Count; week++)
            {
                var start = starts[week];
                var season = Season(start);
                var abandoned = week >= shape.AbandonedFromWeek;
                var giveaway = week == shape.GiveawayWeek;
                followers += abandoned ? -0.5 : shape.FollowersPerWeek * season * noise.Around(1, 0.4);
                if (giveaway)
                {
                    followers *= 1.22; // Followers bought with a prize: they do not engage.
                }

                var posts = abandoned ? 0 : Math.Max(1, (long)Math.Round(shape.PostsPerWeek * noise.Around(1, 0.3)));
                var rate = shape.EngagementRatePercent * season * noise.Around(1, 0.2) * (giveaway ? 0.7 : 1);
                var engagements = (long)Math.Round(posts * followers * rate / 100);
                var comments = (long)Math.Round(engagements * 0.1);
                var shares = (long)Math.Round(engagements * 0.05);
                var inbound = abandoned ? 0 : (long)Math.Round(shape.PostsPerWeek * 2 * noise.Around(1, 0.5));
                var answered = (long)Math.Round(inbound * noise.Around(0.85, 0.1));
                answered = Math.Min(inbound, answered);
                var unique = (long)Math.Round(engagements * 0.6);
                var clicks = (long)Math.Round(engagements * 0.04 * noise.Around(1, 0.3));
                var leads = (long)Math.Round(clicks * 0.2 * noise.Around(1, 0.3));
                var rounded = (long)Math.Round(followers);
                snapshots.Add(new EngagementSnapshot
                {
                    SnapshotId = EngagementSnapshot.NaturalId(profileId, start, start.AddDays(6)),
                    BusinessId = businessId,
                    ProfileId = profileId,
                    Network = shape.Network,
                    PeriodStart = start,
                    PeriodEnd = start.AddDays(6),
                    Followers = rounded,
                    Posts = posts,
                    Reach = abandoned ? 0 : (long)Math.Round(rounded * 0.4 * noise.Around(1, 0.2)) * Math.Max(1, posts) / 2,
                    Impressions = abandoned ? 0 : (long)Math.Round(rounded * 0.7 * noise.Around(1, 0.2)) * Math.Max(1, posts),
                    Reactions = engagements - comments - shares,
                    Comments = comments,
                    Shares = shares,
                    RepliesByBusiness = answered + (long)Math.Round(comments * 0.3),
                    InboundNeedingAnswer = inbound,
                    InboundAnswered = answered,
                    MedianFirstResponseMinutes = answered > 0 ? Math.Round(noise.Around(240, 0.75), 1) : null,
                    PromotionalPosts = posts * (week % 4 == 0 ? 2 : 1) / 4,
                    SignedPosts = posts / 2,
                    UniqueEngagers = unique,
                    ReturningEngagers = (long)Math.Round(unique * noise.Around(0.35, 0.1)),
                    LinkClicks = clicks,
                    Leads = leads,
                    Conversions = (long)Math.Round(leads * 0.3),
                });
            }
        }

        return snapshots;
    }

    /// <summary>The snapshots as the CSV upload takes them (every column of <see cref="SnapshotCsvReader.Columns"/>).</summary>
    public static string Csv(IEnumerable<EngagementSnapshot> snapshots)
    {
        var csv = new CsvText([.. SnapshotCsvReader.Columns.Select(c => c.Name)]);
        foreach (var s in snapshots)
        {
            csv.Row(s.SnapshotId, s.ProfileId, s.Network.Name(), s.PeriodStart, s.PeriodEnd, s.Followers, s.Posts, s.Reach, s.Impressions, s.Reactions, s.Comments, s.Shares,
                s.RepliesByBusiness, s.InboundNeedingAnswer, s.InboundAnswered, s.MedianFirstResponseMinutes, s.PromotionalPosts, s.SignedPosts, s.UniqueEngagers,
                s.ReturningEngagers, s.LinkClicks, s.Leads, s.Conversions);
        }

        return csv.ToString();
    }

    /// <summary>Busier in summer (peak in July) and in the December rush.</summary>
    private static double Season(DateOnly weekStart)
    {
        var week = ISOWeek.GetWeekOfYear(weekStart.ToDateTime(TimeOnly.MinValue));
        return 1 + (0.25 * Math.Sin(2 * Math.PI * (week - 14) / 52.0)) + (week >= 49 ? 0.3 : 0);
    }

    /// <summary>xorshift64*: deterministic noise for demo figures (not for anything secret).</summary>
    private sealed class Noise(ulong seed)
    {
        private ulong state = seed == 0 ? 0x9E3779B97F4A7C15 : seed;

        /// <summary>A value within <paramref name="center"/> ± <paramref name="spread"/> × <paramref name="center"/>, never negative.</summary>
        public double Around(double center, double spread) => Math.Max(0, center * (1 + (spread * ((Next() * 2) - 1))));

        private double Next()
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return ((state * 0x2545F4914F6CDD1D) >> 11) / (double)(1UL << 53);
        }
    }
}
