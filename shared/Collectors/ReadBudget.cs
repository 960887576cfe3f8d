namespace SocialWatch.Collectors;

/// <summary>
/// Reading an answer has a time limit: a source that trickles bytes forever is cut off and recorded as timed out. A connection
/// that fails mid-body is recorded too (the caller retries it as transient). Cancellation by the caller is not a fault of the
/// source and propagates.
/// </summary>
internal static class ReadBudget
{
    public static async Task<CollectedActivity> RunAsync(
        SourceKind source, TimeSpan limit, TimeProvider time, Func<CancellationToken, Task<CollectedActivity>> read, CancellationToken caller)
    {
        using var timeout = new CancellationTokenSource(limit, time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(caller, timeout.Token);
        try
        {
            return await read(budget.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            return CollectedActivity.Failed(source, CollectionErrorKind.TimedOut, $"Reading the answer took longer than {limit}.");
        }
        catch (IOException e)
        {
            return CollectedActivity.Failed(source, CollectionErrorKind.ConnectionLost, $"The connection failed while the answer was read: {e.Message}");
        }
    }
}
