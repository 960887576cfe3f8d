namespace SocialWatch.Alerts;

/// <summary>One email as SocialWatch writes it: plain text always, HTML optional.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends one email. Throws on failure: the outbox records the error and tries again later.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage email, string messageId, CancellationToken cancellationToken);
}
