using SocialWatch.Businesses;
using SocialWatch.Plans;
using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Tests.Unit.Plans;

public class PlanRulesValidate
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateOnly NextYear = Today.AddYears(1);

    private static PlanInput UsablePlan() => new(
        [new GoalInput(GoalMetric.LeadsPerMonth, 20, NextYear), new GoalInput(GoalMetric.EngagementRate, 2.5, NextYear, Baseline: 0.8)],
        [new NetworkPlanInput(Network.Instagram, NetworkRole.Primary, 4, "Bread at dawn."), new NetworkPlanInput(Network.Facebook, NetworkRole.Presence, 0.25, "Opening hours.")],
        new PersonInput("Ann Rose", "ann@rose.example"),
        NextYear);

    private static (Plan? Plan, IReadOnlyDictionary<string, string[]> Errors) Validate(PlanInput input)
    {
        var errors = new ValidationErrors();
        var plan = PlanRules.Validate(input, "rose-bakery", Today, DateTimeOffset.UnixEpoch, errors);
        return (plan, errors.ToDictionary());
    }

    [Fact]
    public void AcceptsAUsablePlan()
    {
        var (plan, errors) = Validate(UsablePlan());

        Assert.Empty(errors);
        Assert.NotNull(plan);
        Assert.Equal(["leads-per-month", "engagement-rate"], plan.Goals.Select(g => g.Id));
        Assert.Equal(0.25, plan.Networks[1].PostsPerWeek);
    }

    [Fact]
    public void RejectsAPlanWithoutNetworks()
    {
        var (plan, errors) = Validate(UsablePlan() with { Networks = [] });

        Assert.Null(plan);
        Assert.Equal(["networks"], errors.Keys);
    }

    [Fact]
    public void RejectsAPrimaryNetworkWithoutCadence()
    {
        var (_, errors) = Validate(UsablePlan() with { Networks = [new NetworkPlanInput(Network.Instagram, NetworkRole.Primary, 0, "x")] });

        Assert.Contains("primary network needs a cadence", Assert.Single(errors["networks[0].postsPerWeek"]), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAPresenceNetworkWithNoCadenceAtAll()
    {
        var (_, errors) = Validate(UsablePlan() with { Networks = [new NetworkPlanInput(Network.Facebook, NetworkRole.Presence, null, "x")] });

        Assert.Contains("0.25", Assert.Single(errors["networks[0].postsPerWeek"]), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsACadenceAboveTheCap()
    {
        var (_, errors) = Validate(UsablePlan() with { Networks = [new NetworkPlanInput(Network.X, NetworkRole.Primary, PlanRules.MaxPostsPerWeek + 1, "x")] });

        Assert.Equal(["networks[0].postsPerWeek"], errors.Keys);
    }

    [Fact]
    public void RejectsANetworkPlannedTwice()
    {
        var input = UsablePlan();
        var (_, errors) = Validate(input with { Networks = [.. input.Networks!, new NetworkPlanInput(Network.Instagram, NetworkRole.Presence, 1, "again")] });

        Assert.Equal("instagram is already planned at networks[0]", Assert.Single(errors["networks[2].network"]));
    }

    [Fact]
    public void RejectsARateTargetAboveOneHundred()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.ResponseRate, 101, NextYear)] });

        Assert.Equal(["goals[0].target"], errors.Keys);
    }

    [Fact]
    public void AcceptsACountTargetAboveOneHundred()
    {
        var (plan, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.Followers, 5000, NextYear, Baseline: 1200)] });

        Assert.Empty(errors);
        Assert.Equal(5000, Assert.Single(plan!.Goals).Target);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void RejectsATargetThatIsNotAboveZero(double target)
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.Conversions, target, NextYear)] });

        Assert.Equal(["goals[0].target"], errors.Keys);
    }

    [Fact]
    public void RejectsARateBaselineOutsideZeroToOneHundred()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.EngagementRate, 3, NextYear, Baseline: 120), new GoalInput(GoalMetric.Followers, 3, NextYear, Baseline: -1)] });

        Assert.Equal(["goals[0].baseline", "goals[1].baseline"], errors.Keys.Order());
    }

    [Fact]
    public void RejectsADeadlineTodayOrEarlier()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.Followers, 10, Today), new GoalInput(GoalMetric.Followers, 10, Today.AddDays(-1), Id: "past")] });

        Assert.Equal(["goals[0].deadline", "goals[1].deadline"], errors.Keys.Order());
    }

    [Fact]
    public void AcceptsADeadlineTomorrow()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.Followers, 10, Today.AddDays(1))] });

        Assert.Empty(errors);
    }

    [Fact]
    public void RejectsANextReviewDateThatIsNotInTheFuture()
    {
        var (_, errors) = Validate(UsablePlan() with { NextReviewDate = Today });

        Assert.Equal(["nextReviewDate"], errors.Keys);
    }

    [Fact]
    public void ReportsEveryMissingFieldOfAGoal()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(null, null, null)] });

        Assert.Equal(["goals[0].deadline", "goals[0].metric", "goals[0].target"], errors.Keys.Order());
    }

    [Fact]
    public void NamesGoalsAfterTheirMetricWithoutCollisions()
    {
        var (plan, _) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.Followers, 10, NextYear), new GoalInput(GoalMetric.Followers, 20, NextYear), new GoalInput(GoalMetric.Followers, 30, NextYear, Id: "followers-3")] });

        Assert.NotNull(plan);
        Assert.Equal(["followers", "followers-2", "followers-3"], plan.Goals.Select(g => g.Id));
    }

    [Fact]
    public void RejectsTwoGoalsWithTheSameId()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [new GoalInput(GoalMetric.Followers, 10, NextYear, Id: "reach"), new GoalInput(GoalMetric.Conversions, 20, NextYear, Id: "reach")] });

        Assert.Equal("'reach' is already the id of goals[0]", Assert.Single(errors["goals[1].id"]));
    }

    [Fact]
    public void RejectsNullItemsAndAMissingOwner()
    {
        var (_, errors) = Validate(UsablePlan() with { Goals = [null], Networks = [null], AccountableOwner = null });

        Assert.Equal(["accountableOwner", "goals[0]", "networks[0]"], errors.Keys.Order());
    }

    [Fact]
    public void CollectsEveryFaultAtOnce()
    {
        var (_, errors) = Validate(new PlanInput(
            [new GoalInput(GoalMetric.ResponseRate, 150, Today)],
            [new NetworkPlanInput(Network.Instagram, NetworkRole.Primary, 0, " "), new NetworkPlanInput(Network.Instagram, null, 1, "x")],
            new PersonInput("Ann", "not-an-email"),
            null));

        Assert.Equal(
            ["accountableOwner.email", "goals[0].deadline", "goals[0].target", "networks[0].coreMessage", "networks[0].postsPerWeek", "networks[1].network", "networks[1].role", "nextReviewDate"],
            errors.Keys.Order(StringComparer.Ordinal));
    }
}
