using Microsoft.Extensions.Logging;
using SocialWatch.Businesses;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Links;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Audits;

/// <summary>
/// The website link audit, wired: a daily fan-out (one message per business with a website) and the audit of one
/// business's websites, stored per distinct social link with the pages it sits on, whether it is a registered profile
/// (normalised URL match), its check and its declared health across audits (the no-false-alarm policy). Links no longer
/// found are dropped. One audit per business at a time (one message per business per day), so writes are unconditional.
/// </summary>
public sealed partial class LinkAudits(
    IBusinessStore businesses,
    IProfileStore profiles,
    ILinkAuditStore store,
    WebsiteAuditor auditor,
    UrlNormaliser normaliser,
    DeadDeclarationPolicy deadPolicy,
    AuditQueue queue,
    TimeProvider time,
    ILogger<LinkAudits> logger)
{
    public const int BusinessPageSize = 100;

    /// <summary>Enqueues one audit per active business that has a website; returns how many.</summary>
    public async Task<int> EnqueueAllAsync(CancellationToken cancellationToken)
    {
        var enqueued = 0;
        string? continuation = null;
        do
        {
            var page = await businesses.ListActiveAsync(BusinessPageSize, continuation, cancellationToken);
            foreach (var business in page.Items.Where(b => b.Value.Websites.Count > 0))
            {
                await queue.SendAsync(business.Value.Id, cancellationToken);
                enqueued++;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        return enqueued;
    }

    /// <summary>Audits every website of the business and stores what each distinct social link leads to.</summary>
    public async Task<IReadOnlyList<LinkAuditEntry>> AuditAsync(string businessId, CancellationToken cancellationToken)
    {
        if (await businesses.FindAsync(businessId, cancellationToken) is not { Value.IsActive: true } business)
        {
            LogGone(businessId);
            return [];
        }

        var registered = new Dictionary<Uri, string>();
        foreach (var profile in await profiles.ListAsync(businessId, cancellationToken))
        {
            if (Uri.TryCreate(profile.Value.Url, UriKind.Absolute, out var url))
            {
                registered.TryAdd(normaliser.Normalise(url), profile.Value.Id);
            }
        }

        var found = new Dictionary<Uri, (SocialLink Link, HashSet<Uri> Pages, CheckResult? Result)>();
        foreach (var website in business.Value.Websites)
        {
            var audit = await auditor.AuditAsync(new Uri(website), cancellationToken);
            foreach (var link in audit.Links)
            {
                if (found.TryGetValue(link.Link.Normalised, out var known))
                {
                    known.Pages.UnionWith(link.Pages);
                }
                else
                {
                    found[link.Link.Normalised] = (link.Link, [.. link.Pages], link.Result);
                }
            }
        }

        var previous = (await store.ListAsync(businessId, cancellationToken)).ToDictionary(e => e.Value.LinkId, e => e.Value, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var entries = new List<LinkAuditEntry>();
        foreach (var (normalised, (link, pages, result)) in found)
        {
            var id = LinkAuditKey.IdOf(normalised);
            var before = previous.GetValueOrDefault(id);
            var entry = new LinkAuditEntry(
                businessId, id, normalised, link.SiteId, link.Network, link.IsProfile,
                link.IsProfile ? registered.GetValueOrDefault(normalised) : null,
                pages.OrderBy(p => p.AbsoluteUri, StringComparer.Ordinal).ToArray(),
                result is null ? before?.LastCheck : CheckSummary.Of(result),
                result is null ? before?.Verdict ?? HealthVerdict.Initial : deadPolicy.Apply(before?.Verdict ?? HealthVerdict.Initial, result),
                now);
            await store.UpsertAsync(entry, cancellationToken);
            entries.Add(entry);
        }

        foreach (var gone in previous.Keys.Except(entries.Select(e => e.LinkId), StringComparer.Ordinal))
        {
            await store.DeleteAsync(new LinkAuditKey(businessId, gone), expectedVersion: null, cancellationToken);
        }

        var dead = entries.Count(e => e.Verdict.State == DeclaredHealth.Dead);
        var unregistered = entries.Count(e => e.IsUnregisteredProfile);
        LogAudited(businessId, entries.Count, dead, unregistered);
        return entries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Link audit of {BusinessId} skipped: the business is gone")]
    private partial void LogGone(string businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link audit of {BusinessId}: {Links} social links, {Dead} declared dead, {Unregistered} to unregistered profiles")]
    private partial void LogAudited(string businessId, int links, int dead, int unregistered);
}
