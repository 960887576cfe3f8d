namespace SocialWatch.Alerts;

public enum OutboxState
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// An email recorded before it is sent. <see cref="DedupeKey"/> names the event it reports (for example a profile's
/// transition to dead at a given time), so the same event can be recorded once only, whatever the number of sweeps.
/// </summary>
public sealed record OutboxEntry(
    string BusinessId,
    string DedupeKey,
    EmailMessage Email,
    OutboxState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? ClaimedUntil = null,
    DateTimeOffset? SentAt = null,
    string? LastError = null,
    string Version = "")
{
    /// <summary>The Message-ID header: the same for every attempt, so a mail client folds a rare duplicate into one.</summary>
    public string MessageId => $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BusinessId + "\n" + DedupeKey)))[..32]}@socialwatch";

    public bool IsDue(DateTimeOffset now) =>
        State == OutboxState.Pending && NextAttemptAt <= now
        || State == OutboxState.Sending && ClaimedUntil <= now;
}

/// <summary>Names one outbox entry; the message a dispatch queue carries.</summary>
public sealed record OutboxAddress(string BusinessId, string DedupeKey);
