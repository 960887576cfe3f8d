using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Staleness;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Plans;
using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Checks.Health;

/// <summary>One profile's health as the API shows it.</summary>
public sealed record ProfileHealthView(
    string ProfileId,
    Network Network,
    string Url,
    DeclaredHealth Health,
    DateTimeOffset? HealthSince,
    int DeadRun,
    Staleness.Staleness Staleness,
    DateTimeOffset? StalenessChangesAt,
    CheckClass? LastResult,
    CheckSummary? LastCheck,
    LastActivity? LastActivity,
    DateTimeOffset? NextCheckAt,
    IReadOnlyList<HistoryEntry> History);

/// <summary>A business's profiles at a glance: counts by declared health and by staleness, then each profile (without history).</summary>
public sealed record BusinessHealthView(
    string BusinessId,
    IReadOnlyDictionary<string, int> ByHealth,
    IReadOnlyDictionary<string, int> ByStaleness,
    IReadOnlyList<ProfileHealthView> Profiles);

/// <summary>The website link audit as the API shows it.</summary>
public sealed record LinkAuditView(string BusinessId, DateTimeOffset? AuditedAt, int DeadLinks, int UnregisteredProfileLinks, IReadOnlyList<LinkView> Links);

public sealed record LinkView(string Url, Network Network, string SiteId, bool IsProfile, string? ProfileId, bool Registered, DeclaredHealth Health, CheckSummary? LastCheck, IReadOnlyList<string> Pages);

/// <summary>The body of POST .../profiles/{profileId}/activity: when the owner posted (now if left out).</summary>
public sealed record ActivityInput(DateTimeOffset? At = null);

/// <summary>Reads of profile health for the API, and the owner's "we posted".</summary>
public sealed class HealthReports(
    IProfileStore profiles,
    IProfileHealthStore health,
    IPlanStore plans,
    ILinkAuditStore linkAudits,
    IProfileActivityLog activity,
    StalenessEvaluator staleness,
    TimeProvider time)
{
    /// <summary>Activity dated further ahead than this is refused (a clock slightly ahead is not).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Outcome<BusinessHealthView>> BusinessAsync(string businessId, CancellationToken cancellationToken)
    {
        var all = await profiles.ListAsync(businessId, cancellationToken);
        var known = (await health.ListAsync(businessId, cancellationToken)).ToDictionary(h => h.Value.ProfileId, h => h.Value, StringComparer.Ordinal);
        var plan = (await plans.FindAsync(businessId, cancellationToken))?.Value;
        var views = all.Select(p => View(p.Value, known.GetValueOrDefault(p.Value.Id), plan, withHistory: false)).ToArray();
        return Outcome.Ok(new BusinessHealthView(
            businessId,
            Enum.GetValues<DeclaredHealth>().ToDictionary(WireNames.Name, s => views.Count(v => v.Health == s)),
            Enum.GetValues<Staleness.Staleness>().ToDictionary(WireNames.Name, s => views.Count(v => v.Staleness == s)),
            views));
    }

    public async Task<Outcome<ProfileHealthView>> ProfileAsync(string businessId, string profileId, CancellationToken cancellationToken)
    {
        if (await FindProfileAsync(businessId, profileId, cancellationToken) is not { } profile)
        {
            return NotFound<ProfileHealthView>();
        }

        var stored = await health.FindAsync(new ProfileKey(businessId, profileId), cancellationToken);
        var plan = (await plans.FindAsync(businessId, cancellationToken))?.Value;
        return Outcome.Ok(View(profile, stored?.Value, plan, withHistory: true), stored?.Version);
    }

    public async Task<Outcome<LinkAuditView>> LinkAuditAsync(string businessId, CancellationToken cancellationToken)
    {
        var links = (await linkAudits.ListAsync(businessId, cancellationToken)).Select(l => l.Value).ToArray();
        var views = links
            .OrderBy(l => l.Url.AbsoluteUri, StringComparer.Ordinal)
            .Select(l => new LinkView(l.Url.AbsoluteUri, l.Network, l.SiteId, l.IsProfile, l.ProfileId, l.ProfileId is not null, l.Verdict.State, l.LastCheck, l.Pages.Select(p => p.AbsoluteUri).ToArray()))
            .ToArray();
        return Outcome.Ok(new LinkAuditView(
            businessId,
            links.Length == 0 ? null : links.Max(l => l.AuditedAt),
            links.Count(l => l.Verdict.State == DeclaredHealth.Dead),
            links.Count(l => l.IsUnregisteredProfile),
            views));
    }

    /// <summary>The owner says the profile posted at <see cref="ActivityInput.At"/> (now if left out).</summary>
    public async Task<Outcome<ProfileHealthView>> RecordActivityAsync(string businessId, string profileId, ActivityInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = input.At ?? now;
        if (at > now + AllowedClockSkew)
        {
            var errors = new ValidationErrors();
            errors.Add("at", "must not be in the future");
            return Outcome.Invalid<ProfileHealthView>(errors);
        }

        if (await FindProfileAsync(businessId, profileId, cancellationToken) is null)
        {
            return NotFound<ProfileHealthView>();
        }

        await activity.RecordAsync(new ProfileKey(businessId, profileId), at, ActivitySource.Owner, cancellationToken);
        return await ProfileAsync(businessId, profileId, cancellationToken);
    }

    private ProfileHealthView View(Profile profile, ProfileHealth? stored, Plan? plan, bool withHistory)
    {
        var current = stored ?? ProfileHealth.New(new ProfileKey(profile.BusinessId, profile.Id));
        var assessment = staleness.Evaluate(current.Activity?.At, plan.PostsPerWeek(profile.Network), time.GetUtcNow());
        return new ProfileHealthView(
            profile.Id, profile.Network, profile.Url, current.Verdict.State, current.Verdict.Since, current.Verdict.DeadRun,
            assessment.State, assessment.NextChangeAt, current.LastCheck?.Class, current.LastCheck, current.Activity, current.NextCheckAt,
            withHistory ? current.History : []);
    }

    private async Task<Profile?> FindProfileAsync(string businessId, string profileId, CancellationToken cancellationToken) =>
        ProfileRules.IsId(profileId) ? (await profiles.FindAsync(new ProfileKey(businessId, profileId), cancellationToken))?.Value : null;

    private static Outcome<T> NotFound<T>() => Outcome.NotFound<T>("profileId", "This business has no profile with this id.");
}
