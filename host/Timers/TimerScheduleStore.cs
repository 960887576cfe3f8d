using Azure;
using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Host.Timers;

/// <summary>
/// Each timer's schedule status (Last, Next, LastUpdated), one row per function, so that after a restart an occurrence missed
/// while the app was down fires with IsPastDue, as the Functions host does with its timer status blobs.
/// </summary>
public sealed class TimerScheduleStore(StorageTables tables)
{
    public const string TableBaseName = "TimerSchedules";
    private const string PartitionKey = "timer";

    public async Task<TimerScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableBaseName);
        var row = await table.GetEntityIfExistsAsync<ScheduleStatusEntity>(PartitionKey, functionName, cancellationToken: cancellationToken);
        return row.HasValue ? new TimerScheduleStatus(row.Value!.Last, row.Value.Next, row.Value.LastUpdated) : null;
    }

    public async Task SaveAsync(string functionName, TimerScheduleStatus status, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableBaseName);
        var row = new ScheduleStatusEntity { PartitionKey = PartitionKey, RowKey = functionName, Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private sealed class ScheduleStatusEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public DateTimeOffset Last { get; set; }

        public DateTimeOffset Next { get; set; }

        public DateTimeOffset LastUpdated { get; set; }
    }
}
