using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialWatch.Storage;

/// <summary>
/// Counts every request the Table and Queue clients send, retries included (one counter sits in each client's pipeline),
/// so the storage cost of a unit of work is measured, not estimated.
/// </summary>
public sealed class StorageOperations
{
    public RequestCounter Tables { get; } = new();

    public RequestCounter Queues { get; } = new();

    public long Total => Tables.Count + Queues.Count;

    public sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}
