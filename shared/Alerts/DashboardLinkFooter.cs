using System.Globalization;
using System.Net;
using SocialWatch.Access;

namespace SocialWatch.Alerts;

/// <summary>
/// Ends every email with a link that signs its reader in to the business's dashboard, read-only, until it expires. Added
/// where every email is recorded (<see cref="Outbox.EnqueueAsync"/>), so no kind of email can be written without it. The
/// token rides in the address's fragment: a browser never sends it to a server, so no log or Referer keeps it.
/// </summary>
public sealed class DashboardLinkFooter(SignInLinks links)
{
    public EmailMessage AddTo(EmailMessage email, string businessId)
    {
        var link = links.ForDashboard(businessId);
        var until = link.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var note = $"This link signs you in to read your business's SocialWatch dashboard until {until}; do not forward the email. After that, sign in with an API key.";
        var text = $"{email.TextBody.TrimEnd()}\n\nSee all your profiles on your dashboard:\n{link.Url.AbsoluteUri}\n{note}\n";
        if (email.HtmlBody is not { } html)
        {
            return email with { TextBody = text };
        }

        var paragraph = $"<p>See all your profiles on <a href=\"{WebUtility.HtmlEncode(link.Url.AbsoluteUri)}\">your SocialWatch dashboard</a>. {WebUtility.HtmlEncode(note)}</p>";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return email with { TextBody = text, HtmlBody = end < 0 ? html + paragraph : html.Insert(end, paragraph) };
    }
}
