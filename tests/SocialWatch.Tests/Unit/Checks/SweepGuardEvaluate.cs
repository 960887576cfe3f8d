using Microsoft.Extensions.Options;
using SocialWatch.Checks;
using SocialWatch.Checks.Verdicts;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class SweepGuardEvaluate
{
    private static readonly SweepGuard Guard = new(Options.Create(new SweepGuardOptions()));
    private static readonly CheckResult AliveCanary = Result(CheckClass.Alive, "https://www.example.com/");

    [Fact]
    public void ASweepWithFewTransientResultsStands()
    {
        var verdict = Guard.Evaluate(AliveCanary, Results(alive: 7, dead: 1, transient: 3));

        Assert.False(verdict.IsVoid);
        Assert.Equal("sweep valid: 3 of 11 results transient", verdict.Reason);
    }

    [Fact]
    public void TooLargeAShareOfTransientResultsVoidsTheSweep()
    {
        var verdict = Guard.Evaluate(AliveCanary, Results(alive: 6, dead: 0, transient: 4));

        Assert.True(verdict.IsVoid);
        Assert.Equal(0.4, verdict.TransientShare, 3);
        Assert.Equal("sweep void: 4 of 10 results transient (40%, above 30%); an outage, not 4 dead profiles", verdict.Reason);
    }

    [Fact]
    public void TooSmallASampleIsNotJudged()
    {
        var verdict = Guard.Evaluate(AliveCanary, Results(alive: 1, dead: 0, transient: 8));

        Assert.False(verdict.IsVoid);
    }

    [Theory]
    [InlineData(CheckClass.Transient)]
    [InlineData(CheckClass.Blocked)]
    [InlineData(CheckClass.Dead)]
    public void ACanaryThatIsNotAliveVoidsTheSweep(CheckClass canary)
    {
        var verdict = Guard.Evaluate(Result(canary, "https://www.example.com/"), Results(alive: 20, dead: 0, transient: 0));

        Assert.True(verdict.IsVoid);
        Assert.StartsWith($"sweep void: connectivity canary https://www.example.com/ was {canary}", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ASweepWithoutACanaryIsVoid() =>
        Assert.True(Guard.Evaluate(null, Results(alive: 20, dead: 0, transient: 0)).IsVoid);

    [Fact]
    public void BlockedAndRateLimitedResultsAreNotAnOutage()
    {
        var results = Results(alive: 2, dead: 0, transient: 0)
            .Concat(Enumerable.Repeat(Result(CheckClass.Blocked, "https://x.com/acme"), 5))
            .Concat(Enumerable.Repeat(Result(CheckClass.RateLimited, "https://x.com/acme"), 5)).ToList();

        Assert.False(Guard.Evaluate(AliveCanary, results).IsVoid);
    }

    private static List<CheckResult> Results(int alive, int dead, int transient) =>
        Enumerable.Repeat(CheckClass.Alive, alive).Concat(Enumerable.Repeat(CheckClass.Dead, dead)).Concat(Enumerable.Repeat(CheckClass.Transient, transient))
            .Select(c => Result(c, "https://www.facebook.com/acme")).ToList();

    private static CheckResult Result(CheckClass checkClass, string url) =>
        new(checkClass, new Uri(url), DateTimeOffset.UnixEpoch, new CheckEvidence { RuleId = "test", FinalUrl = new Uri(url), Detail = "test" });
}
