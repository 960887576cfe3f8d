using Microsoft.Extensions.Options;
using SocialWatch.Checks.Staleness;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class StalenessEvaluatorEvaluate
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly StalenessEvaluator evaluator = new(Options.Create(new StalenessOptions()));

    public static TheoryData<double, double, Staleness> Thresholds => new()
    {
        // Weekly plan (interval 7 days): slowing after 10.5 days, stale after 14, abandoned after max(28, 30) = 30.
        { 1, 0, Staleness.Active },
        { 1, 10.4, Staleness.Active },
        { 1, 10.5, Staleness.Slowing },
        { 1, 13.9, Staleness.Slowing },
        { 1, 14, Staleness.Stale },
        { 1, 29.9, Staleness.Stale },
        { 1, 30, Staleness.Abandoned },
        // Daily plan (interval 1 day): stale after 2 days, but never abandoned before 30.
        { 7, 1.4, Staleness.Active },
        { 7, 1.5, Staleness.Slowing },
        { 7, 2, Staleness.Stale },
        { 7, 29, Staleness.Stale },
        { 7, 30, Staleness.Abandoned },
        // Monthly-ish plan (0.25 a week, interval 28 days): abandoned after 4 intervals = 112 days, not 30.
        { 0.25, 41, Staleness.Active },
        { 0.25, 42, Staleness.Slowing },
        { 0.25, 56, Staleness.Stale },
        { 0.25, 111, Staleness.Stale },
        { 0.25, 112, Staleness.Abandoned },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void ComparesSilenceWithThePlannedInterval(double postsPerWeek, double daysSilent, Staleness expected)
    {
        var assessment = evaluator.Evaluate(Now.AddDays(-daysSilent), postsPerWeek, Now);

        Assert.Equal(expected, assessment.State);
        Assert.Equal(TimeSpan.FromDays(7 / postsPerWeek), assessment.PlannedInterval);
    }

    [Fact]
    public void UnknownActivityIsNeverAbandoned()
    {
        var assessment = evaluator.Evaluate(lastActivity: null, postsPerWeek: 5, Now);

        Assert.Equal(new StalenessAssessment(Staleness.Unknown, null, null, null), assessment);
    }

    [Theory]
    [InlineData(null, 29, Staleness.Active)]
    [InlineData(null, 30, Staleness.Abandoned)]
    [InlineData(0.0, 29, Staleness.Active)]
    [InlineData(0.0, 31, Staleness.Abandoned)]
    public void WithoutACadenceOnlyTheAbsoluteFloorApplies(double? postsPerWeek, double daysSilent, Staleness expected) =>
        Assert.Equal(expected, evaluator.Evaluate(Now.AddDays(-daysSilent), postsPerWeek, Now).State);

    [Fact]
    public void SaysWhenTheVerdictWouldWorsen()
    {
        var last = Now.AddDays(-11);

        var assessment = evaluator.Evaluate(last, postsPerWeek: 1, Now);

        Assert.Equal((Staleness.Slowing, last.AddDays(14)), (assessment.State, assessment.NextChangeAt));
        Assert.Null(evaluator.Evaluate(Now.AddDays(-40), 1, Now).NextChangeAt);
    }

    [Fact]
    public void ActivityInTheFutureCountsAsJustNow() =>
        Assert.Equal(Staleness.Active, evaluator.Evaluate(Now.AddHours(2), 1, Now).State);

    [Fact]
    public void FollowsConfiguredThresholds()
    {
        var strict = new StalenessEvaluator(Options.Create(new StalenessOptions
        {
            SlowingAfterIntervals = 1.2,
            StaleAfterIntervals = 1.5,
            AbandonedAfterIntervals = 3,
            AbandonedAfterAtLeast = TimeSpan.FromDays(10),
        }));

        Assert.Equal(Staleness.Abandoned, strict.Evaluate(Now.AddDays(-21), postsPerWeek: 1, Now).State);
        Assert.Equal(Staleness.Stale, strict.Evaluate(Now.AddDays(-20), postsPerWeek: 1, Now).State);
    }
}
