using Azure.Data.Tables;
using SocialWatch.Businesses;
using SocialWatch.Storage;

namespace SocialWatch.Plans;

/// <summary>
/// Table <c>Plans</c>: PartitionKey = business id, RowKey = <c>plan</c>. Goals and networks are JSON in one property each
/// (lists read and written whole; the validation caps keep each under the 64 KiB property limit).
/// </summary>
public sealed class TablePlanStore(StorageTables tables) : TableRecordStore<string, Plan>(tables, TableName), IPlanStore
{
    public const string TableName = "Plans";
    private const string Row = "plan";

    protected override TableKey KeyOf(string key) => new(key, Row);

    protected override string RecordKey(Plan record) => record.BusinessId;

    protected override void Write(Plan record, TableEntity entity)
    {
        entity.SetJson("Goals", record.Goals);
        entity.SetJson("Networks", record.Networks);
        entity["AccountableOwnerName"] = record.AccountableOwner.Name;
        entity["AccountableOwnerEmail"] = record.AccountableOwner.Email;
        entity["NextReviewDate"] = record.NextReviewDate.ToString("O");
        entity["UpdatedAt"] = record.UpdatedAt;
    }

    protected override Plan Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.GetJson<Goal[]>("Goals"),
            entity.GetJson<NetworkPlan[]>("Networks"),
            new Person(entity.GetRequiredString("AccountableOwnerName"), entity.GetRequiredString("AccountableOwnerEmail")),
            DateOnly.ParseExact(entity.GetRequiredString("NextReviewDate"), "O"),
            entity.GetRequiredDateTimeOffset("UpdatedAt"));
}
