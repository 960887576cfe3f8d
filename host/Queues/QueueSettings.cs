using System.Globalization;
using System.Text.Json.Nodes;

namespace SocialWatch.Host.Queues;

/// <summary>host.json extensions.queues, defaults as documented for the Functions host.</summary>
public sealed record QueueSettings(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    bool Base64Encoding = true)
{
    public static QueueSettings Parse(JsonObject? queues)
    {
        var batchSize = queues?["batchSize"]?.GetValue<int>() ?? 16;
        if (batchSize is < 1 or > 32)
        {
            throw new InvalidOperationException($"host.json extensions.queues.batchSize must be 1 to 32; it is {batchSize}.");
        }

        var maxDequeueCount = queues?["maxDequeueCount"]?.GetValue<int>() ?? 5;
        if (maxDequeueCount < 1)
        {
            throw new InvalidOperationException("host.json extensions.queues.maxDequeueCount must be at least 1.");
        }

        var newBatchThreshold = queues?["newBatchThreshold"]?.GetValue<int>() ?? batchSize / 2 * Environment.ProcessorCount;
        if (newBatchThreshold < 0)
        {
            throw new InvalidOperationException($"host.json extensions.queues.newBatchThreshold must be 0 or more; it is {newBatchThreshold}.");
        }

        var visibilityTimeout = ParseTime(queues, "visibilityTimeout", TimeSpan.Zero);
        if (visibilityTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"host.json extensions.queues.visibilityTimeout must not be negative; it is {visibilityTimeout}.");
        }

        // The host polls at least every 100 ms; a lower ceiling would only hammer the storage account.
        var maxPollingInterval = ParseTime(queues, "maxPollingInterval", TimeSpan.FromMinutes(1));
        if (maxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            throw new InvalidOperationException($"host.json extensions.queues.maxPollingInterval must be at least 00:00:00.1; it is {maxPollingInterval}.");
        }

        var encoding = queues?["messageEncoding"]?.GetValue<string>() ?? "base64";
        var base64 = encoding.ToUpperInvariant() switch
        {
            "BASE64" => true,
            "NONE" => false,
            _ => throw new InvalidOperationException($"host.json extensions.queues.messageEncoding must be \"base64\" or \"none\"; it is \"{encoding}\"."),
        };

        return new QueueSettings(batchSize, newBatchThreshold, maxDequeueCount, visibilityTimeout, maxPollingInterval, base64);
    }

    private static TimeSpan ParseTime(JsonObject? queues, string name, TimeSpan fallback) =>
        queues?[name] is not { } node ? fallback
        : node is JsonValue value && value.TryGetValue<string>(out var text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var time) ? time
        : throw new InvalidOperationException($"host.json extensions.queues.{name} must be a time span \"hh:mm:ss\"; it is {node.ToJsonString()}.");
}
