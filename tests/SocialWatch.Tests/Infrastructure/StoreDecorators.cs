using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>A real store with every call passed through, for a test to change or watch one of them (override it).</summary>
public abstract class RecordStoreDecorator<TKey, TRecord>(IRecordStore<TKey, TRecord> inner) : IRecordStore<TKey, TRecord>
{
    public virtual Task<Versioned<TRecord>?> FindAsync(TKey key, CancellationToken cancellationToken) => inner.FindAsync(key, cancellationToken);

    public virtual Task<IReadOnlyList<Versioned<TRecord>>> ListAsync(string businessId, CancellationToken cancellationToken) => inner.ListAsync(businessId, cancellationToken);

    public virtual Task<WriteResult> InsertAsync(TRecord record, CancellationToken cancellationToken) => inner.InsertAsync(record, cancellationToken);

    public virtual Task<WriteResult> UpsertAsync(TRecord record, CancellationToken cancellationToken) => inner.UpsertAsync(record, cancellationToken);

    public virtual Task<WriteResult> ReplaceAsync(TRecord record, string? expectedVersion, CancellationToken cancellationToken) => inner.ReplaceAsync(record, expectedVersion, cancellationToken);

    public virtual Task<WriteResult> DeleteAsync(TKey key, string? expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(key, expectedVersion, cancellationToken);

    public virtual Task DeleteTenantAsync(string businessId, CancellationToken cancellationToken) => inner.DeleteTenantAsync(businessId, cancellationToken);
}

/// <summary>The snapshot store with every call passed through (see <see cref="RecordStoreDecorator{TKey, TRecord}"/>).</summary>
public abstract class SnapshotStoreDecorator(ISnapshotStore inner) : RecordStoreDecorator<SnapshotKey, ScoredSnapshot>(inner), ISnapshotStore
{
    public virtual Task<IReadOnlyList<StoredPeriod>> ListProfileAsync(string businessId, string profileId, CancellationToken cancellationToken) => inner.ListProfileAsync(businessId, profileId, cancellationToken);

    public virtual Task<IReadOnlyList<SnapshotScores>> ListScoresAsync(string businessId, CancellationToken cancellationToken) => inner.ListScoresAsync(businessId, cancellationToken);

    public virtual Task SaveScoresAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken) => inner.SaveScoresAsync(businessId, scores, cancellationToken);
}
