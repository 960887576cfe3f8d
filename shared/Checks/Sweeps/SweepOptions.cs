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

    /// <summary>Counters a sweep's tally is spread over, so thousands of checks do not fight over one entity.</summary>
    [Range(1, 64)]
    public int TallyShards { get; set; } = 64;
}
