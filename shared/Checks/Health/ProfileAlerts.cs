using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts;
using SocialWatch.Businesses;
using SocialWatch.Checks.Audits;
using SocialWatch.Plans;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Health;

/// <summary>
/// Writes and records (in the outbox) the email an alert decision calls for. Reads the business, plan, profiles and the
/// link audit only then, so the usual check (no transition) reads none of them, and through the read cache (the profile from
/// its business's cached listing), so the transitions of one business in a sweep share those reads. The recipient is the
/// profile's owner, else the plan's accountable owner, else the business's owner.
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
    public async Task<bool> RecordAsync(ProfileKey key, ProfileHealth health, AlertDecision decision, double? postsPerWeek, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var business = await businesses.FindAsync(key.BusinessId, cancellationToken);
        var profile = (await profiles.ListAsync(key.BusinessId, cancellationToken)).FirstOrDefault(p => p.Value.Id == key.ProfileId);
        if (business is not { Value.IsActive: true } || profile is null)
        {
            LogGone(key.BusinessId, key.ProfileId, decision.DedupeKey);
            return false;
        }

        var plan = (await plans.FindAsync(key.BusinessId, cancellationToken))?.Value;
        var (name, email) = Recipient(business.Value, plan, profile.Value);
        var pages = (await linkAudits.ListAsync(key.BusinessId, cancellationToken))
            .Where(link => link.Value.ProfileId == key.ProfileId)
            .SelectMany(link => link.Value.Pages)
            .Select(page => page.AbsoluteUri)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var context = new ProfileAlertContext(
            business.Value.Name, name, email, NetworkName(profile.Value.Network), profile.Value.Url, postsPerWeek,
            health.Activity?.At, pages, TimeZoneInfo.FindSystemTimeZoneById(business.Value.TimeZone), health.Verdict.MovedTo);
        var message = ProfileAlertEmail.Write(decision, context, now, options.Value);
        return await outbox.EnqueueAsync(key.BusinessId, decision.DedupeKey, message, cancellationToken);
    }

    private static (string Name, string Email) Recipient(Business business, Plan? plan, Profile profile) =>
        profile.OwnerEmail is { Length: > 0 } owner ? ($"{business.Name} team", owner)
        : plan is not null ? (plan.AccountableOwner.Name, plan.AccountableOwner.Email)
        : (business.Owner.Name, business.Owner.Email);

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
