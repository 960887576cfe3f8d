using SocialWatch.Alerts;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Staleness;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Checks;

/// <summary>What the owner may be told, from the declared health and the staleness.</summary>
public sealed class ProfileCheckRunnerObserve
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DeadSince = Now.AddDays(-1);
    private static readonly LastActivity LongAgo = new(Now.AddDays(-60), ActivitySource.Owner);

    private static HealthVerdict Verdict(DeclaredHealth state) => new(state, DeadSince, state == DeclaredHealth.Dead ? 3 : 0, null, null, Now, null);

    private static StalenessAssessment Assessment(Staleness staleness) => new(staleness, null, null, null);

    [Fact]
    public void DeadWinsOverAbandonedAndDatesFromTheFirstDeadResult() =>
        Assert.Equal(new ObservedCondition(ProfileCondition.Dead, DeadSince), ProfileCheckRunner.Observe(Verdict(DeclaredHealth.Dead), Assessment(Staleness.Abandoned), LongAgo, Now));

    [Fact]
    public void MovedWinsOverAbandonedAndDatesFromWhenTheMoveWasSeen() =>
        Assert.Equal(new ObservedCondition(ProfileCondition.Moved, DeadSince), ProfileCheckRunner.Observe(Verdict(DeclaredHealth.Moved), Assessment(Staleness.Abandoned), LongAgo, Now));

    [Theory]
    [InlineData(DeclaredHealth.Alive)]
    [InlineData(DeclaredHealth.Unknown)]
    public void AbandonedDatesFromTheLastActivityWhateverTheAnswer(DeclaredHealth state) =>
        Assert.Equal(new ObservedCondition(ProfileCondition.Abandoned, LongAgo.At), ProfileCheckRunner.Observe(Verdict(state), Assessment(Staleness.Abandoned), LongAgo, Now));

    [Theory]
    [InlineData(Staleness.Active)]
    [InlineData(Staleness.Slowing)]
    [InlineData(Staleness.Stale)]
    [InlineData(Staleness.Unknown)]
    public void AnAnsweringProfileThatIsNotAbandonedIsHealthy(Staleness staleness) =>
        Assert.Equal(ProfileCondition.Healthy, ProfileCheckRunner.Observe(Verdict(DeclaredHealth.Alive), Assessment(staleness), null, Now)!.Condition);

    [Theory]
    [InlineData(Staleness.Unknown)]
    [InlineData(Staleness.Stale)]
    public void NothingIsObservedBeforeAConclusiveCheckUnlessAbandoned(Staleness staleness) =>
        Assert.Null(ProfileCheckRunner.Observe(Verdict(DeclaredHealth.Unknown), Assessment(staleness), null, Now));
}
