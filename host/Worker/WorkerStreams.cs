using System.Collections.Concurrent;

namespace SocialWatch.Host.Worker;

/// <summary>
/// Where a started worker process and the stream it opens meet: the supervisor expects a worker id before starting the process,
/// and the gRPC service hands over the connection when that worker's StartStream arrives. A stream from any other id is refused.
/// </summary>
public sealed class WorkerStreams
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerConnection>> expected = new(StringComparer.Ordinal);

    public Task<WorkerConnection> ExpectAsync(string workerId) =>
        expected.GetOrAdd(workerId, _ => new TaskCompletionSource<WorkerConnection>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string workerId) => expected.TryRemove(workerId, out _);

    public bool TryAccept(WorkerConnection connection) =>
        expected.TryRemove(connection.WorkerId, out var waiting) && waiting.TrySetResult(connection);
}
