using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using SocialWatch.Checks;
using SocialWatch.Checks.Verdicts;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class DeadDeclarationPolicyApply
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DeadDeclarationPolicy Policy = new(Options.Create(new DeadDeclarationOptions()));

    [Fact]
    public void DeclaresDeadAfterThreeDeadResultsSpreadOverADay()
    {
        var verdict = Policy.Replay([Result(CheckClass.Alive, 0), Result(CheckClass.Dead, 6), Result(CheckClass.Dead, 18), Result(CheckClass.Dead, 30)]);

        Assert.Equal((DeclaredHealth.Dead, Start.AddHours(6), 3), (verdict.State, verdict.Since, verdict.DeadRun));
    }

    [Fact]
    public void ThreeDeadResultsWithinADayAreNotEnough()
    {
        var verdict = Policy.Replay([Result(CheckClass.Alive, 0), Result(CheckClass.Dead, 6), Result(CheckClass.Dead, 12), Result(CheckClass.Dead, 18)]);

        Assert.Equal((DeclaredHealth.Alive, 3), (verdict.State, verdict.DeadRun));
    }

    [Fact]
    public void ADayOfTwoDeadResultsIsNotEnough()
    {
        var verdict = Policy.Replay([Result(CheckClass.Dead, 0), Result(CheckClass.Dead, 48)]);

        Assert.Equal(DeclaredHealth.Unknown, verdict.State);
    }

    [Theory]
    [InlineData(CheckClass.Blocked)]
    [InlineData(CheckClass.RateLimited)]
    [InlineData(CheckClass.Transient)]
    public void InconclusiveResultsNeitherCountNorBreakTheRun(CheckClass inconclusive)
    {
        var verdict = Policy.Replay(
        [
            Result(CheckClass.Dead, 0), Result(inconclusive, 6), Result(inconclusive, 12), Result(CheckClass.Dead, 18), Result(inconclusive, 20), Result(CheckClass.Dead, 24),
        ]);

        Assert.Equal((DeclaredHealth.Dead, 3, Start), (verdict.State, verdict.DeadRun, verdict.Since));
    }

    [Fact]
    public void AnAliveResultResetsTheRun()
    {
        var verdict = Policy.Replay([Result(CheckClass.Dead, 0), Result(CheckClass.Dead, 12), Result(CheckClass.Alive, 20), Result(CheckClass.Dead, 30)]);

        Assert.Equal((DeclaredHealth.Alive, 1, Start.AddHours(30)), (verdict.State, verdict.DeadRun, verdict.FirstDeadAt));
    }

    [Fact]
    public void ADeadProfileComesBackAlive()
    {
        var dead = Policy.Replay([Result(CheckClass.Dead, 0), Result(CheckClass.Dead, 12), Result(CheckClass.Dead, 24)]);

        var back = Policy.Apply(dead, Result(CheckClass.Alive, 30));

        Assert.Equal(DeclaredHealth.Dead, dead.State);
        Assert.Equal((DeclaredHealth.Alive, Start.AddHours(30), 0), (back.State, back.Since, back.DeadRun));
    }

    [Fact]
    public void AMovedProfileIsDeclaredMovedAtOnce()
    {
        var target = new Uri("https://mastodon.online/@acme");

        var verdict = Policy.Apply(HealthVerdict.Initial, Result(CheckClass.Moved, 1) with { Evidence = Evidence() with { MovedTo = target } });

        Assert.Equal((DeclaredHealth.Moved, target, Start.AddHours(1)), (verdict.State, verdict.MovedTo, verdict.Since));
    }

    [Fact]
    public void IgnoresARepeatedOrOlderResult()
    {
        var once = Policy.Replay([Result(CheckClass.Dead, 0), Result(CheckClass.Dead, 12)]);

        Assert.Same(once, Policy.Apply(once, Result(CheckClass.Dead, 12)));
        Assert.Same(once, Policy.Apply(once, Result(CheckClass.Alive, 6)));
    }

    [Fact]
    public void FollowsConfiguredThresholds()
    {
        var quick = new DeadDeclarationPolicy(Options.Create(new DeadDeclarationOptions { ConsecutiveDeadResults = 2, MinimumSpan = TimeSpan.FromHours(1) }));

        Assert.Equal(DeclaredHealth.Dead, quick.Replay([Result(CheckClass.Dead, 0), Result(CheckClass.Dead, 1)]).State);
    }

    [Property(Arbitrary = [typeof(Histories)])]
    public bool NeverDeclaresDeadWithoutEnoughDeadResultsOverEnoughTime(Step[] steps)
    {
        var results = Results(steps);
        var verdict = Policy.Replay(results);
        if (verdict.State != DeclaredHealth.Dead)
        {
            return true;
        }

        var lastDeclaration = results.FindLastIndex(r => r.Class is CheckClass.Alive or CheckClass.Moved);
        var run = results.Skip(lastDeclaration + 1).Where(r => r.Class == CheckClass.Dead).ToList();
        return run.Count >= 3 && run[^1].CheckedAt - run[0].CheckedAt >= TimeSpan.FromHours(24);
    }

    [Property(Arbitrary = [typeof(Histories)])]
    public bool InconclusiveResultsNeverChangeTheVerdict(Step[] steps)
    {
        var results = Results(steps);

        return Policy.Replay(results) == Policy.Replay(results.Where(r => r.Class.IsConclusive()));
    }

    [Property(Arbitrary = [typeof(Histories)])]
    public bool ApplyingEveryResultTwiceChangesNothing(Step[] steps)
    {
        var results = Results(steps);

        return Policy.Replay(results) == Policy.Replay(results.SelectMany(r => new[] { r, r }));
    }

    /// <summary>One result of a history: its class and the minutes since the previous one.</summary>
    public sealed record Step(CheckClass Class, int MinutesLater);

    public static class Histories
    {
        public static Arbitrary<Step[]> Steps() =>
            Gen.ArrayOf(
                from checkClass in Gen.Elements(Enum.GetValues<CheckClass>())
                from minutes in Gen.Choose(1, 16 * 60)
                select new Step(checkClass, minutes))
            .ToArbitrary();
    }

    private static List<CheckResult> Results(Step[] steps)
    {
        var at = Start;
        var results = new List<CheckResult>();
        foreach (var step in steps)
        {
            at = at.AddMinutes(step.MinutesLater);
            results.Add(new CheckResult(step.Class, new Uri("https://www.facebook.com/acme"), at, Evidence()));
        }

        return results;
    }

    private static CheckResult Result(CheckClass checkClass, double hoursAfterStart) =>
        new(checkClass, new Uri("https://www.facebook.com/acme"), Start.AddHours(hoursAfterStart), Evidence());

    private static CheckEvidence Evidence() => new() { RuleId = "test", FinalUrl = new Uri("https://www.facebook.com/acme") };
}
