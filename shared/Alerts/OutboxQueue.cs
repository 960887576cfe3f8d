using System.Text.Json;
using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Alerts;

/// <summary>The queue that asks the DispatchEmail function to send one outbox entry.</summary>
public sealed class OutboxQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "outbox";

    private readonly StorageQueue queue = new(queues, names, QueueName);

    public async Task SendAsync(OutboxAddress address, CancellationToken cancellationToken)
    {
        await queue.SendAsync(JsonSerializer.Serialize(address, AlertsJson.Options), cancellationToken);
    }

    public static OutboxAddress Read(string message) =>
        JsonSerializer.Deserialize<OutboxAddress>(message, AlertsJson.Options) is { BusinessId.Length: > 0, DedupeKey.Length: > 0 } address
            ? address
            : throw new FormatException("An outbox message names a businessId and a dedupeKey.");
}

internal static class AlertsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
