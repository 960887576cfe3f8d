namespace SocialWatch.Alerts;

/// <summary>The storage port of the outbox aggregate. Writes are conditional on <see cref="OutboxEntry.Version"/>.</summary>
public interface IOutboxStore
{
    /// <summary>Records a new entry; false when an entry with the same business and dedupe key already exists.</summary>
    Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken);

    Task<OutboxEntry?> GetAsync(OutboxAddress address, CancellationToken cancellationToken);

    /// <summary>Replaces the entry if nobody changed it since it was read; null when someone did (the caller lost the race).</summary>
    Task<OutboxEntry?> TryReplaceAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries waiting to be sent (pending and due, or claimed by a dispatcher whose lease ran out), oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}
