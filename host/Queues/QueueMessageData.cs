using Azure.Storage.Queues.Models;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Queues;

/// <summary>
/// A queue message as the Functions host hands it to a worker: the decoded text in TypedData.string, and the trigger metadata
/// of the queue extension's binding data, QueueTrigger, Id and PopReceipt as strings, DequeueCount and the three times as JSON
/// (absent values are left out, as the host skips null binding data).
/// </summary>
public static class QueueMessageData
{
    public static FunctionInvocation Invocation(string functionName, QueueMessage message)
    {
        var text = message.Body.ToString();
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal)
        {
            ["QueueTrigger"] = TriggerMetadata.Text(text),
            ["Id"] = TriggerMetadata.Text(message.MessageId),
            ["PopReceipt"] = TriggerMetadata.Text(message.PopReceipt ?? string.Empty),
            ["DequeueCount"] = TriggerMetadata.Json(message.DequeueCount),
        };
        AddTime(metadata, "InsertionTime", message.InsertedOn);
        AddTime(metadata, "ExpirationTime", message.ExpiresOn);
        AddTime(metadata, "NextVisibleTime", message.NextVisibleOn);
        return FunctionInvocation.Create(functionName, TriggerMetadata.Text(text), metadata);
    }

    private static void AddTime(Dictionary<string, TypedData> metadata, string key, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            metadata[key] = TriggerMetadata.Json(value);
        }
    }
}
