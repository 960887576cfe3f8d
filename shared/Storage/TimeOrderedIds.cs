namespace SocialWatch.Storage;

/// <summary>
/// Record ids that sort in creation order, so a partition lists oldest first. A version-7 GUID is random within its
/// millisecond: an id made in a millisecond this process already used takes the next millisecond instead.
/// Order across instances holds to the millisecond only.
/// </summary>
public static class TimeOrderedIds
{
    private static long lastMilliseconds;

    public static string Next(DateTimeOffset now)
    {
        var wanted = now.ToUnixTimeMilliseconds();
        long last, taken;
        do
        {
            last = Interlocked.Read(ref lastMilliseconds);
            taken = Math.Max(wanted, last + 1);
        }
        while (Interlocked.CompareExchange(ref lastMilliseconds, taken, last) != last);

        return Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(taken)).ToString("N");
    }
}
