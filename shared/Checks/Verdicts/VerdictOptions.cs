using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Checks.Verdicts;

/// <summary>When repeated dead results make a profile dead. Both conditions must hold: N in a row, spread over at least the span.</summary>
public sealed class DeadDeclarationOptions
{
    public const string SectionName = "SocialWatch:Checks:DeadDeclaration";

    /// <summary>Dead results in a row (inconclusive results in between neither count nor break the row).</summary>
    [Range(1, 100)]
    public int ConsecutiveDeadResults { get; set; } = 3;

    /// <summary>Time from the first to the last dead result of the row.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan MinimumSpan { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>When a whole sweep is void: the checker, not the profiles, is the likely problem.</summary>
public sealed class SweepGuardOptions
{
    public const string SectionName = "SocialWatch:Checks:SweepGuard";

    /// <summary>Above this share of transient results the sweep is void (an outage on our side or the network's).</summary>
    [Range(0.01, 1.0)]
    public double MaxTransientShare { get; set; } = 0.3;

    /// <summary>Fewer results than this are too few to judge the share.</summary>
    [Range(1, 100_000)]
    public int MinimumSample { get; set; } = 10;

    /// <summary>Used when no canary is configured (set after binding: a bound list would otherwise be appended to it).</summary>
    public static readonly Uri DefaultCanary = new("https://www.example.com/");

    /// <summary>Pages that are always up, tried in order: the sweep is void unless one of them is alive.</summary>
    [MinLength(1)]
    public List<Uri> CanaryUrls { get; set; } = [];
}
