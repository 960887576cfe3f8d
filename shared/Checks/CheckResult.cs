namespace SocialWatch.Checks;

/// <summary>The immutable outcome of checking one profile URL once. Storing it and acting on it are separate steps.</summary>
/// <param name="Class">What the check showed.</param>
/// <param name="Url">The profile URL that was checked (not the API address that may have been probed for it).</param>
/// <param name="CheckedAt">When the check finished.</param>
/// <param name="Evidence">Why it was classified so.</param>
public sealed record CheckResult(CheckClass Class, Uri Url, DateTimeOffset CheckedAt, CheckEvidence Evidence);

/// <summary>What a check saw, enough to explain a verdict to a person.</summary>
public sealed record CheckEvidence
{
    /// <summary>The id of the rule (from the rule data) or of the fetch outcome that decided the class.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule-data site the URL belongs to (facebook, mastodon...), if recognised.</summary>
    public string? SiteId { get; init; }

    /// <summary>The last HTTP status seen, if any answer arrived.</summary>
    public int? Status { get; init; }

    /// <summary>Where the fetch ended (after redirects), or the address it could not reach.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The redirect targets followed, in order.</summary>
    public IReadOnlyList<Uri> Hops { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    /// <summary>HTTP requests made, retries included.</summary>
    public int Attempts { get; init; }

    /// <summary>For rate-limited (and circuit-open) results: do not check again before this time.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>For moved results: the new address, when the network says it.</summary>
    public Uri? MovedTo { get; init; }

    /// <summary>A short human explanation (the rule's reason, or the error met).</summary>
    public string? Detail { get; init; }
}
