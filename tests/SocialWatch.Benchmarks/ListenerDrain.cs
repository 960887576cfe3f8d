using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>host.json's extensions.queues batch settings, which the host's queue listener applies to every queue.</summary>
internal sealed record HostQueues(int BatchSize, int NewBatchThreshold)
{
    public static HostQueues Read()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        return new HostQueues(queues.GetProperty("batchSize").GetInt32(), queues.GetProperty("newBatchThreshold").GetInt32());
    }
}

/// <summary>
/// Takes messages as the host's queue listener does: up to batchSize a receive, another receive once the messages in
/// flight fall to newBatchThreshold, each handled on its own and deleted when done.
/// </summary>
internal static class ListenerDrain
{
    public static async Task RunAsync(QueueClient queue, HostQueues settings, int expected, Func<QueueMessage, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        var received = 0;
        while (received < expected)
        {
            inFlight.RemoveAll(task => task.IsCompleted);
            while (inFlight.Count > settings.NewBatchThreshold)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, TimeSpan.FromMinutes(5), cancellationToken);
            if (messages.Length == 0)
            {
                // Not all sent yet (the in-process ingest runs alongside).
                await Task.Delay(20, cancellationToken);
                continue;
            }

            received += messages.Length;
            inFlight.AddRange(messages.Select(message => Task.Run(
                async () =>
                {
                    await handle(message, cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                },
                cancellationToken)));
        }

        await Task.WhenAll(inFlight);
    }
}
