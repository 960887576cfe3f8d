using Azure.Data.Tables;
using SocialWatch.Alerts;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Health;

/// <summary>
/// Table <c>profilehealth</c>: PartitionKey = business id, RowKey = profile id. Verdict, last check, history and alert
/// state are JSON properties (the history of 30 compact results stays far below a property's 32K characters).
/// </summary>
public sealed class TableProfileHealthStore : TableRecordStore<ProfileKey, ProfileHealth>, IProfileHealthStore
{
    public const string TableName = "profilehealth";

    private readonly GroupCommit<ProfileHealth> grouped;

    public TableProfileHealthStore(StorageTables tables)
        : base(tables, TableName)
    {
        grouped = new GroupCommit<ProfileHealth>(health => KeyOf(health.Key), WriteTogetherAsync);
    }

    public Task<WriteResult> WriteGroupedAsync(ProfileHealth health, string? expectedVersion, CancellationToken cancellationToken) =>
        grouped.WriteAsync(new ConditionalWrite<ProfileHealth>(health, expectedVersion), cancellationToken);

    protected override TableKey KeyOf(ProfileKey key) => new(key.BusinessId, key.ProfileId);

    protected override ProfileKey RecordKey(ProfileHealth record) => record.Key;

    protected override void Write(ProfileHealth record, TableEntity entity)
    {
        entity.SetJson("Verdict", record.Verdict);
        entity["State"] = WireNames.Name(record.Verdict.State);
        if (record.LastCheck is { } last)
        {
            entity.SetJson("LastCheck", last);
        }

        entity.SetJson("History", record.History);
        entity["LastActivityAt"] = record.Activity?.At;
        entity["LastActivitySource"] = record.Activity is { } activity ? WireNames.Name(activity.Source) : null;
        entity.SetJson("Alert", record.Alert);
        entity["NextCheckAt"] = record.NextCheckAt;
    }

    protected override ProfileHealth Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.RowKey,
            entity.GetJson<HealthVerdict>("Verdict"),
            entity.GetString("LastCheck") is null ? null : entity.GetJson<CheckSummary>("LastCheck"),
            entity.GetJson<HistoryEntry[]>("History"),
            entity.GetDateTimeOffset("LastActivityAt") is { } at ? new LastActivity(at, WireNames.Parse<ActivitySource>(entity.GetRequiredString("LastActivitySource"))) : null,
            entity.GetJson<AlertState>("Alert"),
            entity.GetDateTimeOffset("NextCheckAt"));
}
