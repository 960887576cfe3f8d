using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Health;

public static class ProfileHealthUpdates
{
    /// <summary>Version conflicts tolerated before giving up (the queue retries the whole message then).</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// Read, change, write only if nobody wrote in between (insert when new, ETag-conditional replace otherwise); on a
    /// conflict, read again and apply the change again to what is there now. <paramref name="change"/> returns null to
    /// write nothing; it may run more than once, so anything it does besides computing must be idempotent.
    /// </summary>
    public static async Task<ProfileHealth> UpdateAsync(
        this IProfileHealthStore store,
        ProfileKey key,
        Func<ProfileHealth, Task<ProfileHealth?>> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.FindAsync(key, cancellationToken);
            var current = stored?.Value ?? ProfileHealth.New(key);
            if (await change(current) is not { } changed)
            {
                return current;
            }

            var written = stored is null
                ? await store.InsertAsync(changed, cancellationToken)
                : await store.ReplaceAsync(changed, stored.Version, cancellationToken);
            if (written.Status == WriteStatus.Written)
            {
                return changed;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The health of profile {key.ProfileId} of {key.BusinessId} changed under us {MaxAttempts} times in a row.");
            }
        }
    }
}
