using Azure;
using Azure.Data.Tables;
using SocialWatch.Storage;

namespace SocialWatch.Alerts;

/// <summary>
/// The outbox in Table Storage: PartitionKey = business id, RowKey = the dedupe key (escaped). Adding is an insert,
/// so a second record of the same event fails with 409 whatever process tries it; every later write is ETag-conditional.
/// </summary>
public sealed class TableOutboxStore(StorageTables tables) : IOutboxStore
{
    public const string TableName = "outbox";

    public async Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        try
        {
            await table.AddEntityAsync(OutboxKeys.ToEntity(entry), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<OutboxEntry?> GetAsync(OutboxAddress address, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(address.BusinessId, OutboxKeys.RowKey(address.DedupeKey), cancellationToken: cancellationToken);
        return found.HasValue ? OutboxKeys.FromEntity(found.Value!) : null;
    }

    public async Task<OutboxEntry?> TryReplaceAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);
        try
        {
            var response = await table.UpdateEntityAsync(OutboxKeys.ToEntity(entry), new ETag(entry.Version), TableUpdateMode.Replace, cancellationToken);
            return entry with { Version = response.Headers.ETag?.ToString() ?? string.Empty };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName);

        // A scan across businesses: the outbox holds only unsent and recently sent mail, so it stays small.
        var filter = TableClient.CreateQueryFilter(
            $"(State eq {nameof(OutboxState.Pending)} and NextAttemptAt le {now}) or (State eq {nameof(OutboxState.Sending)} and ClaimedUntil le {now})");
        var due = new List<OutboxEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            due.Add(OutboxKeys.FromEntity(entity));
        }

        return due.OrderBy(e => e.NextAttemptAt).Take(max).ToArray();
    }
}

/// <summary>The outbox's keys and its entity shape, in one place.</summary>
internal static class OutboxKeys
{
    /// <summary>RowKeys may not hold / \ # ? or control characters: those are percent-escaped, reversibly.</summary>
    public static string RowKey(string dedupeKey)
    {
        var builder = new System.Text.StringBuilder(dedupeKey.Length);
        foreach (var c in dedupeKey)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static TableEntity ToEntity(OutboxEntry entry) => new(entry.BusinessId, RowKey(entry.DedupeKey))
    {
        ["DedupeKey"] = entry.DedupeKey,
        ["To"] = entry.Email.To,
        ["Subject"] = entry.Email.Subject,
        ["TextBody"] = entry.Email.TextBody,
        ["HtmlBody"] = entry.Email.HtmlBody,
        ["State"] = entry.State.ToString(),
        ["Attempts"] = entry.Attempts,
        ["CreatedAt"] = entry.CreatedAt,
        ["NextAttemptAt"] = entry.NextAttemptAt,
        ["ClaimedUntil"] = entry.ClaimedUntil,
        ["SentAt"] = entry.SentAt,
        ["LastError"] = entry.LastError,
    };

    public static OutboxEntry FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("DedupeKey"),
        new EmailMessage(entity.GetString("To"), entity.GetString("Subject"), entity.GetString("TextBody"), entity.GetString("HtmlBody")),
        Enum.Parse<OutboxState>(entity.GetString("State")),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ClaimedUntil"),
        entity.GetDateTimeOffset("SentAt"),
        entity.GetString("LastError"),
        entity.ETag.ToString());
}
