namespace SocialWatch.Storage;

/// <summary>
/// The operations every aggregate's store offers, with the same meaning everywhere (one contract test suite checks each store):
/// reads return the version; writes given a version succeed only at that version.
/// </summary>
public interface IRecordStore<TKey, TRecord> : ITenantData
{
    Task<Versioned<TRecord>?> FindAsync(TKey key, CancellationToken cancellationToken);

    /// <summary>Every record of one business, in row key order: one partition query, however many records.</summary>
    Task<IReadOnlyList<Versioned<TRecord>>> ListAsync(string businessId, CancellationToken cancellationToken);

    /// <summary>Adds a record; <see cref="WriteStatus.AlreadyExists"/> when its key is taken.</summary>
    Task<WriteResult> InsertAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a record, whatever is stored: for writes with no precondition.</summary>
    Task<WriteResult> UpsertAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a record: <see cref="WriteStatus.NotFound"/> when there is none; with <paramref name="expectedVersion"/>,
    /// <see cref="WriteStatus.VersionMismatch"/> when it changed since.
    /// </summary>
    Task<WriteResult> ReplaceAsync(TRecord record, string? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a record: <see cref="WriteStatus.NotFound"/> when there is none; with a version, only at that version.</summary>
    Task<WriteResult> DeleteAsync(TKey key, string? expectedVersion, CancellationToken cancellationToken);
}
