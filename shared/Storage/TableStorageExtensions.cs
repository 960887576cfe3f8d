using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace SocialWatch.Storage;

public static class TableStorageExtensions
{
    /// <summary>The most operations one entity group transaction may hold.</summary>
    public const int MaxTransactionSize = 100;

    // Non-ASCII text stays as it is (not \u00e9, six times longer): a property holds at most 32K UTF-16 characters.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Deletes every entity of a partition, in transactions of 100. Safe to run again after a failure, and alongside another
    /// purge: a transaction that meets an entity already gone is redone one entity at a time.
    /// </summary>
    public static async Task DeletePartitionAsync(this TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>(MaxTransactionSize);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
            if (batch.Count == MaxTransactionSize)
            {
                await DeleteAsync(table, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await DeleteAsync(table, batch, cancellationToken);
        }
    }

    /// <summary>A property holding a value serialised as JSON (lists and nested records); JSON keeps them in one property.</summary>
    public static void SetJson<T>(this TableEntity entity, string property, T value) => entity[property] = JsonSerializer.Serialize(value, Json);

    public static T GetJson<T>(this TableEntity entity, string property) =>
        JsonSerializer.Deserialize<T>(entity.GetRequiredString(property), Json)
        ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} holds null in {property}.");

    /// <summary>
    /// A list of single-line texts (URLs, origins) as lines of one property: unlike JSON, nothing is escaped, so 10 URLs of
    /// 2,048 characters always fit the 32K characters of a property.
    /// </summary>
    public static void SetLines(this TableEntity entity, string property, IReadOnlyList<string> lines) =>
        entity[property] = lines.Any(l => l.Contains('\n', StringComparison.Ordinal))
            ? throw new ArgumentException($"A line of {property} holds a line break.", nameof(lines))
            : string.Join('\n', lines);

    public static string[] GetLines(this TableEntity entity, string property) =>
        entity.GetRequiredString(property) is { Length: > 0 } text ? text.Split('\n') : [];

    public static string GetRequiredString(this TableEntity entity, string property) =>
        entity.GetString(property) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no {property}.");

    public static DateTimeOffset GetRequiredDateTimeOffset(this TableEntity entity, string property) =>
        entity.GetDateTimeOffset(property) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no {property}.");

    private static async Task DeleteAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Another purge got there first for part of the batch: delete the rest one by one (a missing one is fine).
            foreach (var action in batch)
            {
                await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
            }
        }
    }
}
