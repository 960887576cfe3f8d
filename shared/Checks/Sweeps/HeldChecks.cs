using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// Checks a host asked us to come back to, held per host rather than as one invisible message each: a held check is a row of
/// <see cref="IHeldCheckStore"/>, and one <see cref="HeldChecksDue"/> message per host and due minute, invisible until then,
/// sends the host's due checks back to check-profile. Why: a host that rate-limits one check rate-limits the others too,
/// Azurite's queue slows down for every queue with each message it holds, and on Azure each held message is a transaction.
/// Nothing is lost: the row is written before the message is sent, a failed send fails the check (its message comes back and
/// holds it again), and the health's NextCheckAt is the retry time, so the next sweep finds any check left behind.
/// </summary>
public sealed partial class HeldChecks(IHeldCheckStore store, CheckQueue queue, TimeProvider time, ILogger<HeldChecks> logger)
{
    /// <summary>How many held checks a resume sends and deletes at once.</summary>
    private const int ResumeParallelism = 8;

    // The held-checks-due messages this instance has sent (or is sending): each host and due minute once, however many checks.
    private readonly ConcurrentDictionary<HeldChecksDue, Lazy<Task>> dueSent = new();

    public async Task HoldAsync(CheckProfileMessage check, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        var held = HeldCheck.Of(check, retryAt);
        await store.UpsertAsync(held, cancellationToken);
        await SendDueOnceAsync(HeldChecksDue.For(held), cancellationToken);
        LogHeld(check.BusinessId, check.ProfileId, held.Host, retryAt);
    }

    /// <summary>Sends the host's checks that are due back to check-profile, then deletes their rows (at their version: a check
    /// held again meanwhile stays held); a check whose retry time has not come stays for its own message.</summary>
    public async Task<int> ResumeAsync(HeldChecksDue due, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ready = (await store.ListByHostAsync(due.Host, cancellationToken)).Where(h => h.Value.RetryAt <= now).ToArray();
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = ResumeParallelism, CancellationToken = cancellationToken }, async (held, token) =>
        {
            await queue.SendAsync(held.Value.Check, token);
            await store.DeleteAsync(held.Value.Key, held.Version, token);
        });
        LogResumed(ready.Length, due.Host);
        return ready.Length;
    }

    private async Task SendDueOnceAsync(HeldChecksDue due, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var past in dueSent.Keys.Where(k => k.At < now))
        {
            dueSent.TryRemove(past, out _);
        }

        var send = dueSent.GetOrAdd(due, _ => new Lazy<Task>(() => queue.SendDueAsync(due, due.At - now, CancellationToken.None)));
        try
        {
            await send.Value.WaitAsync(cancellationToken);
        }
        catch when (send.Value.IsFaulted)
        {
            // Not sent: forget it, so that the check's retry sends it.
            dueSent.TryRemove(new KeyValuePair<HeldChecksDue, Lazy<Task>>(due, send));
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {ProfileId} of {BusinessId} held: {Host} asked us to wait until {RetryAt}")]
    private partial void LogHeld(string businessId, string profileId, string host, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} held checks of {Host} sent back to check-profile")]
    private partial void LogResumed(int count, string host);
}
