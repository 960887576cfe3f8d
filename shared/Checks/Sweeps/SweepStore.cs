using Azure.Data.Tables;
using SocialWatch.Checks.Health;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>A sweep as started: when, what the canary showed, how many checks it enqueued (null until the fan-out ends).</summary>
public sealed record SweepRecord(string Id, DateTimeOffset StartedAt, CheckSummary Canary, int? Expected, string? VoidReason);

/// <summary>A sweep's results so far (counts of the shards read), with its canary (null when the sweep is unknown).</summary>
public sealed record SweepTally(CheckResult? Canary, int Results, int Transient);

/// <summary>
/// Table <c>sweeps</c>: PartitionKey = sweep id. RowKey <c>sweep</c> is the sweep itself; <c>tally-{instance}</c> are the counts
/// of results by class that each checking instance flushes from memory (<see cref="SweepTallies"/>): one writer per row, so
/// a flush is one unconditional write, and the sweep's total is one partition query.
/// </summary>
public sealed class SweepStore(StorageTables tables)
{
    public const string TableName = "sweeps";
    private const string SweepRow = "sweep";
    private const string TallyPrefix = "tally-";

    public async Task SaveAsync(SweepRecord sweep, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var entity = new TableEntity(sweep.Id, SweepRow)
        {
            ["StartedAt"] = sweep.StartedAt,
            ["Expected"] = sweep.Expected,
            ["VoidReason"] = sweep.VoidReason,
        };
        entity.SetJson("Canary", sweep.Canary);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<SweepRecord?> FindAsync(string sweepId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(sweepId, SweepRow, cancellationToken: cancellationToken);
        return found.HasValue ? ReadSweep(found.Value!) : null;
    }

    /// <summary>The sweep's canary and its results summed over every shard but <paramref name="exceptShard"/> (the caller's own, counted live).</summary>
    public async Task<SweepTally> ReadTallyAsync(string sweepId, string exceptShard, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var exceptRow = TallyPrefix + exceptShard;
        SweepRecord? sweep = null;
        int results = 0, transient = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sweepId}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == SweepRow)
            {
                sweep = ReadSweep(entity);
            }
            else if (entity.RowKey != exceptRow)
            {
                results += Enum.GetValues<CheckClass>().Sum(c => entity.GetInt32(c.ToString()) ?? 0);
                transient += entity.GetInt32(nameof(CheckClass.Transient)) ?? 0;
            }
        }

        return new SweepTally(sweep?.Canary.ToResult(sweep.Canary.FinalUrl), results, transient);
    }

    /// <summary>Replaces the shard's counts with <paramref name="counts"/> (all its results so far: only its own instance writes it).</summary>
    public async Task WriteShardAsync(string sweepId, string shard, IReadOnlyDictionary<CheckClass, int> counts, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var entity = new TableEntity(sweepId, TallyPrefix + shard);
        foreach (var (checkClass, count) in counts)
        {
            entity[checkClass.ToString()] = count;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static SweepRecord ReadSweep(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetRequiredDateTimeOffset("StartedAt"),
        entity.GetJson<CheckSummary>("Canary"),
        entity.GetInt32("Expected"),
        entity.GetString("VoidReason"));
}
