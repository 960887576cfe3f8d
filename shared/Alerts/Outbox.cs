using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Telemetry;

namespace SocialWatch.Alerts;

public enum DispatchOutcome
{
    Sent,
    AlreadySent,
    GaveUp,
    Deferred,
    NotDue,
    ClaimedElsewhere,
    Unknown,
}

/// <summary>
/// Records an email before it is sent, then sends it at most once per recorded event: the dedupe key makes recording
/// idempotent, an ETag-guarded claim makes sending exclusive, and a failed send is kept with its error and tried again later.
/// </summary>
public sealed partial class Outbox(
    IOutboxStore store,
    IEmailSender sender,
    OutboxQueue queue,
    DashboardLinkFooter dashboardLink,
    SocialWatchMetrics metrics,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<Outbox> logger)
{
    /// <summary>Table Storage keeps a string property under 64 KiB (32K UTF-16 characters).</summary>
    public const int MaxBodyLength = 30_000;

    private readonly OutboxOptions settings = options.Value;

    /// <summary>
    /// Records the email, ended with the business's dashboard sign-in link, and asks for it to be sent. False when this event
    /// was recorded already (nothing is sent twice).
    /// </summary>
    public async Task<bool> EnqueueAsync(string businessId, string dedupeKey, EmailMessage email, CancellationToken cancellationToken)
    {
        email = dashboardLink.AddTo(email, businessId);
        Validate(email);
        var now = time.GetUtcNow();
        var entry = new OutboxEntry(businessId, dedupeKey, email, OutboxState.Pending, Attempts: 0, CreatedAt: now, NextAttemptAt: now);
        if (!await store.TryAddAsync(entry, cancellationToken))
        {
            LogAlreadyRecorded(businessId, dedupeKey);
            return false;
        }

        // Recorded first: if this send fails, the periodic sweep (RequeueDueAsync) still finds the entry.
        await queue.SendAsync(new OutboxAddress(businessId, dedupeKey), cancellationToken);
        return true;
    }

    public async Task<DispatchOutcome> DispatchAsync(OutboxAddress address, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(address, cancellationToken);
        if (entry is null)
        {
            LogUnknownEntry(address.BusinessId, address.DedupeKey);
            return DispatchOutcome.Unknown;
        }

        var now = time.GetUtcNow();
        if (entry.State is OutboxState.Sent or OutboxState.Failed)
        {
            return DispatchOutcome.AlreadySent;
        }

        if (!entry.IsDue(now))
        {
            return entry.State == OutboxState.Sending ? DispatchOutcome.ClaimedElsewhere : DispatchOutcome.NotDue;
        }

        var claimed = await store.TryReplaceAsync(
            entry with { State = OutboxState.Sending, ClaimedUntil = now + settings.ClaimLease, Attempts = entry.Attempts + 1 },
            cancellationToken);
        if (claimed is null)
        {
            return DispatchOutcome.ClaimedElsewhere;
        }

        try
        {
            await sender.SendAsync(claimed.Email, claimed.MessageId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.RecordEmailFailed();
            return await RecordFailureAsync(claimed, e, cancellationToken);
        }

        metrics.RecordEmailSent();

        var sent = await store.TryReplaceAsync(claimed with { State = OutboxState.Sent, SentAt = time.GetUtcNow(), ClaimedUntil = null, LastError = null }, cancellationToken);
        if (sent is null)
        {
            // Only possible when the claim outlived its lease: another dispatcher may send it again. Raise the lease if this shows up.
            LogSentAfterLease(address.BusinessId, address.DedupeKey);
        }

        LogSent(address.BusinessId, address.DedupeKey, claimed.Attempts);
        return DispatchOutcome.Sent;
    }

    /// <summary>Asks again for every email that is due: new ones whose queue message was lost, retries, and expired claims.</summary>
    public async Task<int> RequeueDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListDueAsync(time.GetUtcNow(), settings.DueBatchSize, cancellationToken);
        foreach (var entry in due)
        {
            await queue.SendAsync(new OutboxAddress(entry.BusinessId, entry.DedupeKey), cancellationToken);
        }

        return due.Count;
    }

    private async Task<DispatchOutcome> RecordFailureAsync(OutboxEntry claimed, Exception error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var giveUp = now - claimed.CreatedAt >= settings.GiveUpAfter;
        var failed = claimed with
        {
            State = giveUp ? OutboxState.Failed : OutboxState.Pending,
            ClaimedUntil = null,
            NextAttemptAt = now + RetryDelay(claimed.Attempts),
            LastError = $"{error.GetType().Name}: {error.Message}",
        };
        await store.TryReplaceAsync(failed, cancellationToken);
        if (giveUp)
        {
            LogGaveUp(error, claimed.BusinessId, claimed.DedupeKey, claimed.Attempts);
            return DispatchOutcome.GaveUp;
        }

        LogDeferred(error, claimed.BusinessId, claimed.DedupeKey, claimed.Attempts, failed.NextAttemptAt);
        return DispatchOutcome.Deferred;
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private static void Validate(EmailMessage email)
    {
        if (!MailAddress.TryCreate(email.To, out _))
        {
            throw new ArgumentException($"'{email.To}' is not an email address.", nameof(email));
        }

        if (string.IsNullOrWhiteSpace(email.Subject) || email.TextBody.Length > MaxBodyLength || email.HtmlBody?.Length > MaxBodyLength)
        {
            throw new ArgumentException($"An email needs a subject and bodies of at most {MaxBodyLength} characters.", nameof(email));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {DedupeKey} of business {BusinessId} was recorded already; not sending it again")]
    private partial void LogAlreadyRecorded(string businessId, string dedupeKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No outbox entry {DedupeKey} for business {BusinessId}")]
    private partial void LogUnknownEntry(string businessId, string dedupeKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {DedupeKey} of business {BusinessId} (attempt {Attempt})")]
    private partial void LogSent(string businessId, string dedupeKey, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {DedupeKey} of business {BusinessId} was sent after its claim expired")]
    private partial void LogSentAfterLease(string businessId, string dedupeKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {DedupeKey} of business {BusinessId} failed on attempt {Attempt}; next try at {NextAttemptAt}")]
    private partial void LogDeferred(Exception error, string businessId, string dedupeKey, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on email {DedupeKey} of business {BusinessId} after {Attempt} attempts")]
    private partial void LogGaveUp(Exception error, string businessId, string dedupeKey, int attempt);
}
