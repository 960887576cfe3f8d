using SocialWatch.Collectors.Collection;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class SnapshotWeeksOwed
{
    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartsWeeksOnMondayUtc()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), SnapshotWeeks.WeekOf(Sunday));
        Assert.Equal(new DateOnly(2026, 11, 23), SnapshotWeeks.WeekOf(Monday));
        Assert.Equal(new DateOnly(2026, 11, 16), SnapshotWeeks.WeekOf(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void OwesOnlyLastWeekToAProfileNeverSnapshotted() =>
        Assert.Equal([new DateOnly(2026, 11, 16)], SnapshotWeeks.Owed(null, Monday, max: 4));

    [Fact]
    public void OwesNothingUntilTheWeekAfterTheLastOneSentHasEnded()
    {
        Assert.Empty(SnapshotWeeks.Owed(new DateOnly(2026, 11, 9), Sunday, max: 4));
        Assert.Equal([new DateOnly(2026, 11, 16)], SnapshotWeeks.Owed(new DateOnly(2026, 11, 9), Monday, max: 4));
    }

    [Fact]
    public void OwesTheMostRecentWeeksAfterAnOutageUpToTheMaximum() =>
        Assert.Equal(
            [new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16)],
            SnapshotWeeks.Owed(new DateOnly(2026, 9, 7), Monday, max: 3));
}
