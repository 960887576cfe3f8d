using System.Security.Cryptography;
using System.Text;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;

namespace SocialWatch.Checks.Audits;

/// <summary>Identifies one distinct social link of a business's websites.</summary>
public readonly record struct LinkAuditKey(string BusinessId, string LinkId)
{
    /// <summary>The id of a link: a hash of its normalised URL (a URL may be longer than a row key, and holds / and ?).</summary>
    public static string IdOf(Uri normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised.AbsoluteUri)))[..32];
}

/// <summary>
/// A social link found on a business's websites: the pages it sits on, whether it is one of the business's registered
/// profiles, its last check, and its own declared health across audits (dead means declared dead, never one bad answer).
/// </summary>
public sealed record LinkAuditEntry(
    string BusinessId,
    string LinkId,
    Uri Url,
    string SiteId,
    Network Network,
    bool IsProfile,
    string? ProfileId,
    IReadOnlyList<Uri> Pages,
    CheckSummary? LastCheck,
    HealthVerdict Verdict,
    DateTimeOffset AuditedAt)
{
    public LinkAuditKey Key => new(BusinessId, LinkId);

    /// <summary>A profile link that is none of the business's registered profiles.</summary>
    public bool IsUnregisteredProfile => IsProfile && ProfileId is null;
}
