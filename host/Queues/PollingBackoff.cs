namespace SocialWatch.Host.Queues;

/// <summary>
/// The host's randomised exponential back-off: from 100 ms, doubling with ±20 % jitter, up to a ceiling; reset when work is found.
/// Used while a queue is empty and after storage faults.
/// </summary>
public sealed class PollingBackoff(TimeSpan maximum)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);

    private TimeSpan current = TimeSpan.Zero;

    public TimeSpan NextDelay()
    {
        var floor = Minimum < maximum ? Minimum : maximum;
        var doubled = current == TimeSpan.Zero ? floor : current * 2;
        // Jitter keeps several listeners from polling in step.
        var randomised = doubled * (0.8 + (Random.Shared.NextDouble() * 0.4));
        current = randomised < floor ? floor : randomised > maximum ? maximum : randomised;
        return current;
    }

    public void Reset() => current = TimeSpan.Zero;
}
