using System.Globalization;

namespace SocialWatch.Alerts;

/// <summary>What an alert email needs to know about the profile, its business and its plan.</summary>
public sealed record ProfileAlertContext(
    string BusinessName,
    string RecipientName,
    string RecipientEmail,
    string NetworkName,
    string ProfileUrl,
    double? PlannedPostsPerWeek,
    DateTimeOffset? LastActivity,
    IReadOnlyList<string> LinkingPages,
    TimeZoneInfo TimeZone,
    Uri? MovedTo = null);

/// <summary>
/// Writes the alert, reminder and recovery emails: what happened and since when, and what to do about it —
/// post again, retire the profile and remove the links to it, or (moved) update the links to its new address.
/// </summary>
public static class ProfileAlertEmail
{
    public static EmailMessage Write(AlertDecision decision, ProfileAlertContext profile, DateTimeOffset now, AlertOptions options)
    {
        var document = new EmailDocument().Paragraph($"Hello {profile.RecipientName},");
        var subject = decision.Kind switch
        {
            AlertKind.Recovery => WriteRecovery(document, decision, profile),
            _ when decision.Condition == ProfileCondition.Dead => WriteDead(document, decision, profile),
            _ when decision.Condition == ProfileCondition.Moved => WriteMoved(document, decision, profile),
            _ => WriteAbandoned(document, profile, now),
        };

        if (decision.Kind == AlertKind.Reminder)
        {
            subject = $"Reminder {decision.ReminderNumber} of {options.MaxReminders}: {subject}";
        }

        if (decision.Condition == ProfileCondition.Moved)
        {
            document.Paragraph("We tell you about a move once; we will write again only if the profile moves again.");
        }
        else if (decision.Kind != AlertKind.Recovery)
        {
            var remaining = options.MaxReminders - decision.ReminderNumber;
            document.Paragraph(remaining > 0
                ? $"If nothing changes we will remind you in {options.ReminderInterval.TotalDays:0} days ({remaining} more reminder{(remaining == 1 ? string.Empty : "s")} at most), and we will tell you when the profile is back in shape."
                : "This was the last reminder; we will still tell you when the profile is back in shape.");
        }

        document.Paragraph($"— SocialWatch, keeping an eye on {profile.BusinessName}'s profiles");
        return document.ToEmail(profile.RecipientEmail, $"{profile.BusinessName}: {subject}");
    }

    private static string WriteAbandoned(EmailDocument document, ProfileAlertContext profile, DateTimeOffset now)
    {
        var silence = profile.LastActivity is { } last
            ? $"has not posted since {Date(last, profile)} ({(now - last).TotalDays:0} days)"
            : "has not posted for a long time";
        var cadence = profile.PlannedPostsPerWeek is { } perWeek ? $" Your plan asks for {Cadence(perWeek)} there." : string.Empty;
        document
            .Paragraph($"Your {profile.NetworkName} profile {profile.ProfileUrl} {silence}.{cadence}")
            .Paragraph("A profile that has gone quiet tells visitors the business may have gone quiet too. Do one of these:")
            .List(
                [
                    $"Post again this week, then keep to the plan{(profile.PlannedPostsPerWeek is { } p ? $" ({Cadence(p)})" : string.Empty)}.",
                    $"Or retire it: delete the profile (or pin a post saying where you are active now) and remove the links to it from your website.",
                ],
                numbered: true);
        AppendLinkingPages(document, profile);
        return $"your {profile.NetworkName} profile looks abandoned";
    }

    private static string WriteDead(EmailDocument document, AlertDecision decision, ProfileAlertContext profile)
    {
        document
            .Paragraph($"Your {profile.NetworkName} profile {profile.ProfileUrl} has answered as missing at every check since {Date(decision.Since, profile)}. Visitors who follow a link to it find nothing.")
            .Paragraph("Do one of these:")
            .List(
                [
                    $"If you closed it on purpose, remove the links to it from your website and delete it from your SocialWatch plan.",
                    $"If not, sign in to {profile.NetworkName} and check whether the account was suspended, deactivated or renamed; if the address changed, update the profile in SocialWatch and on your website.",
                ],
                numbered: true);
        AppendLinkingPages(document, profile);
        return $"your {profile.NetworkName} profile can no longer be found";
    }

    private static string WriteMoved(EmailDocument document, AlertDecision decision, ProfileAlertContext profile)
    {
        var where = profile.MovedTo is { } to ? $"to {to.AbsoluteUri}" : "to another address (the network did not say which)";
        document
            .Paragraph($"Your {profile.NetworkName} profile {profile.ProfileUrl} has moved {where}, as {profile.NetworkName} has said since {Date(decision.Since, profile)}. Visitors who follow your links land on the old address.")
            .Paragraph("What to do:")
            .List(
                [
                    $"Update the links on your website to the new address{(profile.MovedTo is { } newAddress ? $" ({newAddress.AbsoluteUri})" : string.Empty)}.",
                    "Update the profile's address in your SocialWatch plan, so we check the profile where it lives now.",
                    "If you did not move it, sign in to the old account and check who did.",
                ],
                numbered: true);
        AppendLinkingPages(document, profile);
        return $"your {profile.NetworkName} profile has moved";
    }

    private static string WriteRecovery(EmailDocument document, AlertDecision decision, ProfileAlertContext profile)
    {
        var what = decision.Condition == ProfileCondition.Dead ? "can be found again" : "is active again";
        document.Paragraph($"Good news: your {profile.NetworkName} profile {profile.ProfileUrl} {what}. We wrote to you about it on {Date(decision.Since, profile)}; there is nothing more to do.");
        return $"your {profile.NetworkName} profile {what}";
    }

    private static void AppendLinkingPages(EmailDocument document, ProfileAlertContext profile)
    {
        if (profile.LinkingPages.Count == 0)
        {
            document.Paragraph("We found no page of your website that links to it.");
            return;
        }

        document.Paragraph(profile.LinkingPages.Count == 1 ? "This page of your website links to it:" : $"These {profile.LinkingPages.Count} pages of your website link to it:")
            .List(profile.LinkingPages);
    }

    private static string Cadence(double postsPerWeek) => postsPerWeek switch
    {
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{postsPerWeek:0.#} post{(postsPerWeek == 1 ? string.Empty : "s")} a week"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a post every {7 / postsPerWeek:0} days"),
    };

    private static string Date(DateTimeOffset instant, ProfileAlertContext profile) =>
        TimeZoneInfo.ConvertTime(instant, profile.TimeZone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
