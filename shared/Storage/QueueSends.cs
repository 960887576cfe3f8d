using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialWatch.Storage;

/// <summary>
/// Sees every message this process sends to a queue (a policy in each queue client's pipeline) and wakes whoever waits for the
/// next one on that queue: a listener of this instance polls at once instead of after its idle back-off, as the Functions
/// host's SharedQueueWatcher does for its own output bindings. Only this process's sends are seen; others' come by polling.
/// </summary>
public sealed class QueueSends : HttpPipelineSynchronousPolicy
{
    private const string MessagesSegment = "/messages";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> next = new(StringComparer.Ordinal);

    /// <summary>
    /// Completes when this process next sends a message to the queue (by its full name). Take it before a receive that may
    /// find nothing, so that a send during that receive is not missed.
    /// </summary>
    public Task NextAsync(string queueName) =>
        next.GetOrAdd(queueName, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public override void OnReceivedResponse(HttpMessage message)
    {
        // Put Message: POST {account}/{queue}/messages, answered 201.
        if (message.Response.Status == 201 && message.Request.Method == RequestMethod.Post
            && message.Request.Uri.Path is var path && path.EndsWith(MessagesSegment, StringComparison.Ordinal)
            && next.TryRemove(QueueOf(path), out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    private static string QueueOf(string messagesPath)
    {
        var queuePath = messagesPath[..^MessagesSegment.Length];
        return queuePath[(queuePath.LastIndexOf('/') + 1)..];
    }
}
