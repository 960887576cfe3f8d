using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Businesses;

/// <summary>
/// Table <c>Businesses</c>: PartitionKey = business id, RowKey = <c>business</c>. One partition per business spreads the
/// point read that every tenant request makes; listing all businesses (admin only, rare) scans the table page by page.
/// </summary>
public sealed class TableBusinessStore(StorageTables tables, RecordReadCache cache) : TableRecordStore<string, Business>(tables, TableName, cache), IBusinessStore
{
    public const string TableName = "Businesses";
    private const string Row = "business";

    private static readonly string ActiveFilter = TableClient.CreateQueryFilter($"Status eq {WireNames.Name(BusinessStatus.Active)}");

    public Task<Page<Versioned<Business>>> ListActiveAsync(int pageSize, string? continuation, CancellationToken cancellationToken) =>
        QueryPageAsync(ActiveFilter, pageSize, continuation, cancellationToken);

    protected override TableKey KeyOf(string key) => new(key, Row);

    protected override string RecordKey(Business record) => record.Id;

    protected override void Write(Business record, TableEntity entity)
    {
        entity["Name"] = record.Name;
        entity.SetLines("Websites", record.Websites);
        entity["Audience"] = WireNames.Name(record.Audience);
        entity["TimeZone"] = record.TimeZone;
        entity["OwnerName"] = record.Owner.Name;
        entity["OwnerEmail"] = record.Owner.Email;
        entity.SetLines("AllowedOrigins", record.AllowedOrigins);
        entity["Status"] = WireNames.Name(record.Status);
        entity["CreatedAt"] = record.CreatedAt;
        entity["UpdatedAt"] = record.UpdatedAt;
    }

    protected override Business Read(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.GetRequiredString("Name"),
            entity.GetLines("Websites"),
            WireNames.Parse<Audience>(entity.GetRequiredString("Audience")),
            entity.GetRequiredString("TimeZone"),
            new Person(entity.GetRequiredString("OwnerName"), entity.GetRequiredString("OwnerEmail")),
            entity.GetLines("AllowedOrigins"),
            entity.GetRequiredDateTimeOffset("CreatedAt"),
            entity.GetRequiredDateTimeOffset("UpdatedAt"))
        {
            Status = WireNames.Parse<BusinessStatus>(entity.GetRequiredString("Status")),
        };
}
