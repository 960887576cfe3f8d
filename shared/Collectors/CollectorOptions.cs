using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Collectors;

/// <summary>Limits that keep one hostile or broken source from costing more than its share, and where the public APIs live.</summary>
public sealed class CollectorOptions : IValidatableObject
{
    public const string SectionName = "SocialWatch:Collectors";

    /// <summary>A feed is read up to this many bytes; items before the cap are kept and the result says it was truncated.</summary>
    [Range(typeof(long), "65536", "268435456")]
    public long MaxFeedBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>A Mastodon or Bluesky answer larger than this is refused (a 40-status page is about 100 KB).</summary>
    [Range(typeof(long), "4096", "67108864")]
    public long MaxJsonBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Items kept from one feed; feeds list the newest first.</summary>
    [Range(1, 10_000)]
    public int MaxItems { get; set; } = 500;

    /// <summary>Time allowed to read one answer's body, against sources that trickle bytes forever.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A date further ahead than this is not believed: the item counts, its date is unknown (Bluesky falls back to indexedAt).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "2.00:00:00")]
    public TimeSpan FutureDateTolerance { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Titles are kept this long at most.</summary>
    [Range(16, 2000)]
    public int MaxTitleLength { get; set; } = 300;

    /// <summary>The public Bluesky AppView (no key needed).</summary>
    [Required]
    public Uri BlueskyAppView { get; set; } = new("https://public.api.bsky.app");

    /// <summary>Statuses per Mastodon page (the API allows 40 at most).</summary>
    [Range(1, 40)]
    public int MastodonPageSize { get; set; } = 40;

    /// <summary>Posts per Bluesky author-feed page (the API allows 100 at most).</summary>
    [Range(1, 100)]
    public int BlueskyPageSize { get; set; } = 100;

    /// <summary>How often a profile is collected when all goes well.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan CollectEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The wait after a failed collection; it doubles with each failure in a row, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Mastodon status pages or Bluesky author-feed pages read by one collection, at most.</summary>
    [Range(1, 50)]
    public int MaxPages { get; set; } = 5;

    /// <summary>Completed weeks a collection still snapshots when earlier ones were missed (an outage, a new profile gets one).</summary>
    [Range(1, 13)]
    public int MaxSnapshotWeeks { get; set; } = 4;

    /// <summary>Collection messages a sweep sends, at most; the rest wait for the next sweep.</summary>
    [Range(1, 100_000)]
    public int MaxPerSweep { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BlueskyAppView.IsAbsoluteUri || BlueskyAppView.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(BlueskyAppView)} must be an absolute http(s) URL; it is '{BlueskyAppView}'.", [nameof(BlueskyAppView)]);
        }
    }
}
