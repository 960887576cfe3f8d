using System.Globalization;
using Azure.Data.Tables;
using SocialWatch.Businesses;
using SocialWatch.Storage;

namespace SocialWatch.Plans;

/// <summary>
/// Table <c>Plans</c>: PartitionKey = business id, RowKey = <c>plan</c>. Goals are JSON in one property; each network is
/// JSON in a property of its own (<c>Network00</c>, <c>Network01</c>…), because 13 core messages full of emoji (escaped
/// six characters each in JSON) would pass the 32K characters one property may hold.
/// </summary>
public sealed class TablePlanStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<string, Plan>(tables, TableName, cache), IPlanStore
{
    public const string TableName = "Plans";
    private const string Row = "plan";

    protected override TableKey KeyOf(string key) => new(key, Row);

    protected override string RecordKey(Plan record) => record.BusinessId;

    protected override void Write(Plan record, TableEntity entity)
    {
        entity.SetJson("Goals", record.Goals);
        for (var i = 0; i < record.Networks.Count; i++)
        {
            entity.SetJson(NetworkProperty(i), record.Networks[i]);
        }

        entity["AccountableOwnerName"] = record.AccountableOwner.Name;
        entity["AccountableOwnerEmail"] = record.AccountableOwner.Email;
        entity["NextReviewDate"] = record.NextReviewDate.ToString("O");
        entity["UpdatedAt"] = record.UpdatedAt;
    }

    protected override Plan Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.GetJson<Goal[]>("Goals"),
            ReadNetworks(entity),
            new Person(entity.GetRequiredString("AccountableOwnerName"), entity.GetRequiredString("AccountableOwnerEmail")),
            DateOnly.ParseExact(entity.GetRequiredString("NextReviewDate"), "O"),
            entity.GetRequiredDateTimeOffset("UpdatedAt"));

    private static NetworkPlan[] ReadNetworks(TableEntity entity)
    {
        var networks = new List<NetworkPlan>();
        for (var i = 0; entity.ContainsKey(NetworkProperty(i)); i++)
        {
            networks.Add(entity.GetJson<NetworkPlan>(NetworkProperty(i)));
        }

        return networks.ToArray();
    }

    private static string NetworkProperty(int index) => string.Create(CultureInfo.InvariantCulture, $"Network{index:00}");
}
