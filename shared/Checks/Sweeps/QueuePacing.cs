namespace SocialWatch.Checks.Sweeps;

/// <summary>
/// Sends checks so that the check-profile queue holds about <see cref="SweepOptions.QueuedChecksTarget"/> of them: it reads
/// the queue's length, sends up to the target, and when that room is used reads the length again, waiting while the queue
/// is more than half full. One length read per half a target of checks at most, while the checkers keep draining.
/// The target counts above the lowest length this run has seen: what was there before it (another sweep's backlog, checks
/// released for a retry after a failure) is not its to wait for. Checks held for their host wait in a table, not here.
/// </summary>
public sealed class QueuePacing(CheckQueue queue, TimeProvider time, SweepOptions options)
{
    private int room;
    private int? floor;

    public async Task SendAsync(IReadOnlyList<CheckProfileMessage> checks, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (sent < checks.Count)
        {
            if (room == 0)
            {
                room = await RoomAsync(cancellationToken);
            }

            var batch = checks.Skip(sent).Take(room).ToArray();
            await Parallel.ForEachAsync(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = options.EnqueueConcurrency, CancellationToken = cancellationToken },
                async (message, token) => await queue.SendAsync(message, token));
            sent += batch.Length;
            room -= batch.Length;
        }
    }

    private async Task<int> RoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = await queue.ApproximateLengthAsync(cancellationToken);
            floor = Math.Min(floor ?? length, length);
            var queued = length - floor.Value;
            if (queued <= options.QueuedChecksTarget / 2)
            {
                return options.QueuedChecksTarget - queued;
            }

            await Task.Delay(options.QueuePollInterval, time, cancellationToken);
        }
    }
}
