using Azure.Data.Tables;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Storage;

namespace SocialWatch.Engagement.Storage;

/// <summary>
/// Table <c>Snapshots</c>: PartitionKey = business id, RowKey = <c>{profileId}|{periodStart yyyy-MM-dd}</c>, so a
/// profile's history is one range query in order. The snapshot and its scores are JSON in two properties; the scores are
/// merged in after the snapshot is written. The scored history (<see cref="ListScoresAsync"/>) is served from the read
/// cache, which every write here, scores included, makes forget the business.
/// </summary>
public sealed class TableSnapshotStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<SnapshotKey, ScoredSnapshot>(tables, TableName, cache), ISnapshotStore
{
    public const string TableName = "Snapshots";

    // Profile ids are the server's lowercase hex ids (the validator admits known profiles only): '|' never occurs in one,
    // and '}' is the character after it, which closes the range of one profile's rows.
    private const char Separator = '|';
    private const char AfterSeparator = '}';
    private const string SnapshotProperty = "Snapshot";
    private const string ScoresProperty = "Scores";
    private const string FingerprintProperty = "ScoresFingerprint";
    private const string ScoredHistory = "\u0000scores";

    protected override TableKey KeyOf(SnapshotKey key) => new(key.BusinessId, $"{key.ProfileId}{Separator}{key.PeriodStart:yyyy-MM-dd}");

    protected override SnapshotKey RecordKey(ScoredSnapshot record) => SnapshotKey.Of(record.Snapshot);

    protected override void Write(ScoredSnapshot record, TableEntity entity)
    {
        entity["SnapshotId"] = record.Snapshot.SnapshotId;
        entity.SetJson(SnapshotProperty, record.Snapshot);
        if (record.Scores is not null)
        {
            SetScores(entity, record.Scores);
        }
    }

    protected override ScoredSnapshot Read(TableEntity entity) =>
        new(entity.GetJson<EngagementSnapshot>(SnapshotProperty), entity.ContainsKey(ScoresProperty) ? entity.GetJson<SnapshotScores>(ScoresProperty) : null);

    public async Task<IReadOnlyList<StoredPeriod>> ListProfileAsync(string businessId, string profileId, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {businessId} and RowKey gt {profileId + Separator} and RowKey lt {profileId + AfterSeparator}");
        var history = new List<StoredPeriod>();
        // The scores stay behind (a few KB a period): their fingerprint tells whether they changed.
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [SnapshotProperty, FingerprintProperty], cancellationToken: cancellationToken))
        {
            history.Add(new StoredPeriod(entity.GetJson<EngagementSnapshot>(SnapshotProperty), entity.GetString(FingerprintProperty)));
        }

        return history;
    }

    public Task<IReadOnlyList<SnapshotScores>> ListScoresAsync(string businessId, CancellationToken cancellationToken) =>
        Cached<IReadOnlyList<SnapshotScores>>(businessId, ScoredHistory, async () =>
        {
            var table = await TableAsync();
            var scores = new List<SnapshotScores>();
            // The snapshots stay behind: every reader of the history needs only their scores.
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {businessId}"), select: [ScoresProperty], cancellationToken: cancellationToken))
            {
                if (entity.ContainsKey(ScoresProperty))
                {
                    scores.Add(entity.GetJson<SnapshotScores>(ScoresProperty));
                }
            }

            return scores;
        });

    public Task SaveScoresAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken) =>
        Writing(businessId, () => SaveScoresCoreAsync(businessId, scores, cancellationToken));

    private async Task<bool> SaveScoresCoreAsync(string businessId, IReadOnlyList<SnapshotScores> scores, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        foreach (var chunk in scores.Chunk(TableStorageExtensions.MaxTransactionSize))
        {
            var actions = chunk.Select(s =>
            {
                var (partitionKey, rowKey) = KeyOf(new SnapshotKey(businessId, s.ProfileId, s.PeriodStart));
                var entity = new TableEntity(partitionKey, rowKey);
                SetScores(entity, s);
                // Merge: the snapshot's own properties stay; an entity that is gone (business purged) fails the transaction.
                return new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, Azure.ETag.All);
            });
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }

        return true;
    }

    private static void SetScores(TableEntity entity, SnapshotScores scores)
    {
        entity.SetJson(ScoresProperty, scores);
        entity[FingerprintProperty] = Fingerprints.Scores(scores);
    }
}
