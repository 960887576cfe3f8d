using System.Text.Json;
using Azure.Storage.Queues;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Audits;

/// <summary>The queue the AuditWebsite function reads: one message per business whose websites to audit.</summary>
public sealed class AuditQueue(QueueServiceClient queues, StorageNames names)
{
    public const string QueueName = "audit-website";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StorageQueue queue = new(queues, names, QueueName);

    public async Task SendAsync(string businessId, CancellationToken cancellationToken)
    {
        await queue.SendAsync(JsonSerializer.Serialize(new AuditMessage(businessId), Json), cancellationToken);
    }

    public static string Read(string message) =>
        JsonSerializer.Deserialize<AuditMessage>(message, Json) is { BusinessId.Length: > 0 } read
            ? read.BusinessId
            : throw new FormatException("An audit-website message names a businessId.");

    private sealed record AuditMessage(string BusinessId);
}
