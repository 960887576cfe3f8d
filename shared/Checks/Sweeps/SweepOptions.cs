using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Checks.Sweeps;

/// <summary>How sweeps find due profiles and when a checked profile is due again. The schedule itself is app setting SWEEP_SCHEDULE.</summary>
public sealed class SweepOptions
{
    public const string SectionName = "SocialWatch:Checks:Sweep";

    /// <summary>After an alive, moved, blocked or declared-dead result: check again after this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Active businesses read per page while finding due profiles.</summary>
    [Range(1, 1000)]
    public int BusinessPageSize { get; set; } = 100;

    /// <summary>
    /// How many checks the fan-out keeps waiting on the check-profile queue: it tops the queue up to this when it falls to
    /// half, instead of enqueueing a whole sweep at once. Enough to keep every checking instance busy (each takes host.json's
    /// batchSize + newBatchThreshold at a time); a short queue keeps messages fresh (the health they carry was read moments
    /// before), and Azurite's queue slows sharply as it fills (docs/checks.md). Raise it when many instances check.
    /// </summary>
    [Range(16, 100_000)]
    public int QueuedChecksTarget { get; set; } = 400;

    /// <summary>
    /// How long one run of the fan-out may go on (the timer's, then each ContinueSweep's); when it ends, a continue-sweep
    /// message carries the rest on. Kept below host.json's functionTimeout; zero means one business per run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:08:00")]
    public TimeSpan FanOutBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How often a fan-out waiting for the check-profile queue to drain reads its length again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Messages sent side by side while fanning out.</summary>
    [Range(1, 256)]
    public int EnqueueConcurrency { get; set; } = 32;

    /// <summary>How often an instance writes its in-memory count of each sweep's results to its own tally row.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TallyFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How old the other instances' counts may be before a check reads the sweep's tally again (one partition query).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan TallyReadInterval { get; set; } = TimeSpan.FromSeconds(5);
}
