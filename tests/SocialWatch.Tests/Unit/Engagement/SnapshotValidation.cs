using FsCheck.Xunit;
using SocialWatch.Engagement;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Engagement;

public sealed class SnapshotValidation
{
    private readonly SnapshotValidator validator = Snapshots.Validator();

    [Fact]
    public void AcceptsTheWorkedExample() => Assert.Empty(validator.Validate(Snapshots.Week));

    [Fact]
    public void NamesEveryFaultyFieldByItsJsonPath()
    {
        var snapshot = Snapshots.Week with { Followers = -5, Comments = -1, InboundAnswered = 11, PeriodEnd = new DateOnly(2025, 6, 1) };

        var errors = validator.Validate(snapshot, "$[3]");

        Assert.Equal(["$[3].periodEnd", "$[3].followers", "$[3].comments", "$[3].inboundAnswered"], errors.Select(e => e.Path));
        Assert.Contains("must not be negative; it is -5", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("more than inboundNeedingAnswer (10)", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsAOneDayPeriodAndAPeriodOfExactlyTheMaximum()
    {
        Assert.Empty(validator.Validate(Snapshots.Week with { PeriodEnd = Snapshots.Week.PeriodStart }));
        Assert.Empty(validator.Validate(Snapshots.Week with { PeriodStart = new DateOnly(2025, 3, 9), PeriodEnd = new DateOnly(2025, 6, 8) }));
    }

    [Fact]
    public void RefusesAProfileThatTheBusinessDoesNotHaveOrThatIsOnAnotherNetwork()
    {
        var profiles = new Dictionary<string, Network> { ["ig-1"] = Network.Facebook };

        var wrongNetwork = Assert.Single(validator.Validate(Snapshots.Week, "$", profiles));
        var unknown = Assert.Single(validator.Validate(Snapshots.Week with { ProfileId = "tt-9" }, "$", profiles));

        Assert.Equal(("$.network", "profile 'ig-1' is on facebook, not instagram"), (wrongNetwork.Path, wrongNetwork.Message));
        Assert.Equal("$.profileId", unknown.Path);
    }

    [Fact]
    public void RefusesARepeatedIdAndOverlappingPeriodsOfOneProfileInABatch()
    {
        var month = Snapshots.Week with { SnapshotId = "month", PeriodStart = new DateOnly(2025, 5, 1), PeriodEnd = new DateOnly(2025, 5, 31) };
        var inside = Snapshots.Week with { SnapshotId = "inside", PeriodStart = new DateOnly(2025, 5, 5), PeriodEnd = new DateOnly(2025, 5, 11) };
        var laterInside = Snapshots.Week with { SnapshotId = "later", PeriodStart = new DateOnly(2025, 5, 19), PeriodEnd = new DateOnly(2025, 5, 25) };
        var otherProfile = Snapshots.Week with { SnapshotId = "other", ProfileId = "fb-1", Network = Network.Facebook, PeriodStart = new DateOnly(2025, 5, 5), PeriodEnd = new DateOnly(2025, 5, 11) };

        var errors = validator.ValidateBatch([month, inside, laterInside, otherProfile, Snapshots.Week, Snapshots.Week]);

        Assert.Equal(
            [
                ("$[5].snapshotId", "repeats the snapshot id of $[4]"),
                ("$[1].periodStart", "overlaps the period 2025-05-01 to 2025-05-31 of profile ig-1 in $[0]"),
                ("$[2].periodStart", "overlaps the period 2025-05-01 to 2025-05-31 of profile ig-1 in $[0]"),
            ],
            errors.Select(e => (e.Path, e.Message)));
    }

    [Property(Arbitrary = [typeof(SnapshotArbitraries)], MaxTest = 300)]
    public void AcceptsEveryGeneratedValidSnapshot(EngagementSnapshot snapshot) => Assert.Empty(validator.Validate(snapshot));

    [Property(Arbitrary = [typeof(SnapshotArbitraries)], MaxTest = 500)]
    public void NamesTheBrokenFieldOfEveryGeneratedInvalidSnapshot(Snapshots.BrokenSnapshot broken) =>
        Assert.Contains(validator.Validate(broken.Snapshot), e => e.Field == broken.Breakage.Field && e.Path == "$." + broken.Breakage.Field);
}
