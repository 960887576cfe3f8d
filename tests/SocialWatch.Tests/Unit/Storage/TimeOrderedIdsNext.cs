using SocialWatch.Storage;

namespace SocialWatch.Tests.Unit.Storage;

public sealed class TimeOrderedIdsNext
{
    [Fact]
    public void SortsIdsMadeInTheSameMillisecondInCreationOrder()
    {
        var sameMillisecond = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 200).Select(_ => TimeOrderedIds.Next(sameMillisecond)).ToArray();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
