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
