using Azure.Storage.Queues.Models;
using SocialWatch.Host.Queues;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>A queue message as the host hands it to the worker: text in TypedData.string, the queue binding data as trigger metadata.</summary>
public sealed class QueueMessageDataInvocation
{
    private static readonly DateTimeOffset Inserted = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CarriesTheDecodedTextAsAString()
    {
        const string body = """{"profileId":"p-1","note":"ünïcödé \" <tag>"}""";

        var invocation = QueueMessageData.Invocation("CheckProfile", Message(body, dequeueCount: 1));

        Assert.Equal("CheckProfile", invocation.FunctionName);
        Assert.Equal(TypedData.DataOneofCase.String, invocation.Input.DataCase);
        Assert.Equal(body, invocation.Input.String);
        Assert.True(Guid.TryParse(invocation.InvocationId, out _));
    }

    [Fact]
    public void GivesTheQueueBindingDataAsTheHostDoes()
    {
        var invocation = QueueMessageData.Invocation("CheckProfile", Message("a note", dequeueCount: 3));

        var metadata = invocation.TriggerMetadata.ToDictionary(pair => pair.Key, pair => (pair.Value.DataCase, pair.Value.DataCase == TypedData.DataOneofCase.String ? pair.Value.String : pair.Value.Json));
        Assert.Equal(
            new Dictionary<string, (TypedData.DataOneofCase, string)>
            {
                ["QueueTrigger"] = (TypedData.DataOneofCase.String, "a note"),
                ["Id"] = (TypedData.DataOneofCase.String, "message-1"),
                ["PopReceipt"] = (TypedData.DataOneofCase.String, "receipt-1"),
                ["DequeueCount"] = (TypedData.DataOneofCase.Json, "3"),
                ["InsertionTime"] = (TypedData.DataOneofCase.Json, "\"2025-03-01T12:00:00+00:00\""),
                ["ExpirationTime"] = (TypedData.DataOneofCase.Json, "\"2025-03-08T12:00:00+00:00\""),
                ["NextVisibleTime"] = (TypedData.DataOneofCase.Json, "\"2025-03-01T12:10:00+00:00\""),
            },
            metadata);
    }

    [Fact]
    public void LeavesOutTimesTheMessageDoesNotHave()
    {
        var message = QueuesModelFactory.QueueMessage("message-1", "receipt-1", BinaryData.FromString("x"), 1);

        var invocation = QueueMessageData.Invocation("CheckProfile", message);

        Assert.Equal(["DequeueCount", "Id", "PopReceipt", "QueueTrigger"], invocation.TriggerMetadata.Keys.Order(StringComparer.Ordinal));
    }

    private static QueueMessage Message(string body, long dequeueCount) =>
        QueuesModelFactory.QueueMessage("message-1", "receipt-1", BinaryData.FromString(body), dequeueCount, Inserted.AddMinutes(10), Inserted, Inserted.AddDays(7));
}
