using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Checks.Links;

/// <summary>How much of a business's website the link audit reads.</summary>
public sealed class LinkAuditOptions
{
    public const string SectionName = "SocialWatch:Checks:LinkAudit";

    /// <summary>Pages fetched per website, the home page included.</summary>
    [Range(1, 1000)]
    public int MaxPages { get; set; } = 20;
}
