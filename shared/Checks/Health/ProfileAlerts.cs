using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts;
using SocialWatch.Businesses;
using SocialWatch.Checks.Audits;
using SocialWatch.Plans;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Health;

/// <summary>
/// Who is told about a profile and what the email needs of its business: the recipient (the profile's owner, else the plan's
/// accountable owner, else the business's owner), the business's name and time zone, and the website pages that link to it.
/// The sweep carries it in each check message, so a transition reads none of it.
/// </summary>
public sealed record AlertAddress(string BusinessName, string RecipientName, string RecipientEmail, string TimeZone, IReadOnlyList<string> LinkingPages)
{
    public static AlertAddress Of(Business business, Plan? plan, Profile profile, IEnumerable<LinkAuditEntry> links)
    {
        var (name, email) = profile.OwnerEmail is { Length: > 0 } owner ? ($"{business.Name} team", owner)
            : plan is not null ? (plan.AccountableOwner.Name, plan.AccountableOwner.Email)
            : (business.Owner.Name, business.Owner.Email);
        var pages = links
            .Where(link => link.ProfileId == profile.Id)
            .SelectMany(link => link.Pages)
            .Select(page => page.AbsoluteUri)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new AlertAddress(business.Name, name, email, business.TimeZone, pages);
    }
}

/// <summary>
/// Writes and records (in the outbox) the email an alert decision calls for, addressed as the check message says, or, when it
/// carries no address (a held check), as read then: business, plan, profiles and link audit through the read cache.
/// </summary>
public sealed partial class ProfileAlerts(
    IBusinessStore businesses,
    IPlanStore plans,
    IProfileStore profiles,
    ILinkAuditStore linkAudits,
    Outbox outbox,
    IOptions<AlertOptions> options,
    ILogger<ProfileAlerts> logger)
{
    /// <summary>Records the email; false when the profile or its business is gone (nothing to tell) or it was recorded already.</summary>
    public async Task<bool> RecordAsync(
        ProfileKey key, Network network, Uri url, AlertAddress? address, ProfileHealth health, AlertDecision decision, double? postsPerWeek, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((address ?? await ReadAddressAsync(key, cancellationToken)) is not { } to)
        {
            LogGone(key.BusinessId, key.ProfileId, decision.DedupeKey);
            return false;
        }

        var context = new ProfileAlertContext(
            to.BusinessName, to.RecipientName, to.RecipientEmail, NetworkName(network), url.AbsoluteUri, postsPerWeek,
            health.Activity?.At, to.LinkingPages, TimeZoneInfo.FindSystemTimeZoneById(to.TimeZone), health.Verdict.MovedTo);
        var message = ProfileAlertEmail.Write(decision, context, now, options.Value);
        return await outbox.EnqueueAsync(key.BusinessId, decision.DedupeKey, message, cancellationToken);
    }

    private async Task<AlertAddress?> ReadAddressAsync(ProfileKey key, CancellationToken cancellationToken)
    {
        var business = await businesses.FindAsync(key.BusinessId, cancellationToken);
        var profile = (await profiles.ListAsync(key.BusinessId, cancellationToken)).FirstOrDefault(p => p.Value.Id == key.ProfileId);
        if (business is not { Value.IsActive: true } || profile is null)
        {
            return null;
        }

        var plan = (await plans.FindAsync(key.BusinessId, cancellationToken))?.Value;
        var links = await linkAudits.ListAsync(key.BusinessId, cancellationToken);
        return AlertAddress.Of(business.Value, plan, profile.Value, links.Select(l => l.Value));
    }

    private static string NetworkName(Network network) => network switch
    {
        Network.X => "X",
        Network.LinkedIn => "LinkedIn",
        Network.YouTube => "YouTube",
        Network.TikTok => "TikTok",
        Network.GoogleBusiness => "Google Business",
        _ => network.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not recording email {DedupeKey}: profile {ProfileId} or business {BusinessId} is gone")]
    private partial void LogGone(string businessId, string profileId, string dedupeKey);
}
