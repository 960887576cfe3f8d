using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Alerts;

/// <summary>When an unsent email is tried again, and when SocialWatch stops trying and records it as failed.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "SocialWatch:Outbox";

    /// <summary>How long a dispatcher holds an email while it sends; a crashed dispatcher's claim expires after this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First retry delay after a failed send; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An SMTP outage shorter than this never loses an email.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    [Range(1, 1000)]
    public int DueBatchSize { get; set; } = 100;
}
