using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SocialWatch.Checks.Health;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Sweeps;

/// <summary>A sweep as started: when, what the canary showed, how many checks it enqueued (null until the fan-out ends).</summary>
public sealed record SweepRecord(string Id, DateTimeOffset StartedAt, CheckSummary Canary, int? Expected, string? VoidReason);

/// <summary>A sweep's results so far, summed over its tally shards, with its canary (null when the sweep is unknown).</summary>
public sealed record SweepTally(CheckResult? Canary, int Results, int Transient);

/// <summary>
/// Table <c>sweeps</c>: PartitionKey = sweep id. RowKey <c>sweep</c> is the sweep itself; <c>tally-NN</c> are its counters
/// of results by class, sharded by profile so concurrent checks rarely write the same entity. Recording a result is one
/// partition query (the sweep and every shard) and one ETag-conditional write of one shard.
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

    /// <summary>Counts one result of the sweep in the shard of <paramref name="shardKey"/>; returns the tally including it.</summary>
    public async Task<SweepTally> RecordAsync(string sweepId, string shardKey, CheckClass result, int shards, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var shardRow = TallyPrefix + Shard(shardKey, shards).ToString("00", CultureInfo.InvariantCulture);
        while (true)
        {
            SweepRecord? sweep = null;
            TableEntity? shard = null;
            int results = 0, transient = 0;
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sweepId}"), cancellationToken: cancellationToken))
            {
                if (entity.RowKey == SweepRow)
                {
                    sweep = ReadSweep(entity);
                    continue;
                }

                results += Enum.GetValues<CheckClass>().Sum(c => entity.GetInt32(c.ToString()) ?? 0);
                transient += entity.GetInt32(nameof(CheckClass.Transient)) ?? 0;
                if (entity.RowKey == shardRow)
                {
                    shard = entity;
                }
            }

            var counter = result.ToString();
            try
            {
                if (shard is null)
                {
                    await table.AddEntityAsync(new TableEntity(sweepId, shardRow) { [counter] = 1 }, cancellationToken);
                }
                else
                {
                    var increment = new TableEntity(sweepId, shardRow) { [counter] = (shard.GetInt32(counter) ?? 0) + 1 };
                    await table.UpdateEntityAsync(increment, shard.ETag, TableUpdateMode.Merge, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another check of this sweep counted in the same shard first: count again on what is there now.
                continue;
            }

            return new SweepTally(sweep is null ? null : CanaryResult(sweep.Canary), results + 1, transient + (result == CheckClass.Transient ? 1 : 0));
        }
    }

    private static int Shard(string key, int shards) => (int)(unchecked((uint)StableHash(key)) % (uint)shards);

    /// <summary>FNV-1a: the same shard for the same key in every process (string.GetHashCode is randomised per process).</summary>
    private static int StableHash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }

    private static SweepRecord ReadSweep(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetRequiredDateTimeOffset("StartedAt"),
        entity.GetJson<CheckSummary>("Canary"),
        entity.GetInt32("Expected"),
        entity.GetString("VoidReason"));

    private static CheckResult CanaryResult(CheckSummary canary) =>
        new(canary.Class, canary.FinalUrl, canary.CheckedAt, new CheckEvidence { RuleId = canary.RuleId, FinalUrl = canary.FinalUrl, Status = canary.Status, Detail = canary.Detail });
}
