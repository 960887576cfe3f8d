using SocialWatch.Host.Queues;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>The randomised exponential back-off of an empty queue.</summary>
public sealed class PollingBackoffDelays
{
    [Fact]
    public void StartsAtTheMinimumAndGrowsToTheCeiling()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(2));

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.NextDelay()).ToArray();

        Assert.InRange(delays[0], PollingBackoff.Minimum, PollingBackoff.Minimum * 1.2);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First * 1.6 || pair.Second == TimeSpan.FromSeconds(2), $"{pair.First} was followed by {pair.Second}"));
        Assert.Equal(TimeSpan.FromSeconds(2), delays[^1]);
        Assert.All(delays, delay => Assert.True(delay <= TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void FallsBackToTheMinimumAfterAReset()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 10; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        Assert.InRange(backoff.NextDelay(), PollingBackoff.Minimum, PollingBackoff.Minimum * 1.2);
    }

    [Fact]
    public void NeverWaitsLongerThanACeilingBelowTheMinimum()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(50));

        Assert.All(Enumerable.Range(0, 5).Select(_ => backoff.NextDelay()), delay => Assert.Equal(TimeSpan.FromMilliseconds(50), delay));
    }
}
