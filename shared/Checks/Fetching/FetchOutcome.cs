namespace SocialWatch.Checks.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchEnd
{
    /// <summary>An answer that is not a redirect (any status).</summary>
    Response,

    /// <summary>A redirect to a login page (per the rule data): not followed.</summary>
    LoginWall,

    /// <summary>More redirects than allowed.</summary>
    RedirectLimit,

    /// <summary>The SSRF guard refused the address or the scheme: nothing was sent.</summary>
    Refused,

    /// <summary>An attempt, or the whole fetch, ran out of time.</summary>
    Timeout,

    /// <summary>Name resolution, connection or TLS failed, or the connection dropped.</summary>
    ConnectionFailed,

    /// <summary>The host's circuit is open after repeated failures: nothing was sent.</summary>
    CircuitOpen,

    /// <summary>The host asked us to wait (earlier Retry-After), or our own politeness queue for it was too long: nothing was sent.</summary>
    RateLimited,
}

/// <summary>The end of one fetch (all its redirect hops and retries), before any classification.</summary>
public sealed record FetchOutcome
{
    public required FetchEnd End { get; init; }

    public required Uri RequestedUrl { get; init; }

    /// <summary>The last URL requested (or refused).</summary>
    public required Uri FinalUrl { get; init; }

    public IReadOnlyList<Uri> Hops { get; init; } = [];

    public int? Status { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Body { get; init; } = string.Empty;

    public bool BodyTruncated { get; init; }

    public TimeSpan Elapsed { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>For <see cref="FetchEnd.LoginWall"/>: the rule that recognised it.</summary>
    public string? RuleId { get; init; }

    public string? Detail { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A fetch whose body a caller's reader consumed: <see cref="Value"/> is what it read when the fetch ended on an answer.</summary>
public sealed record StreamedFetch<T>(FetchOutcome Outcome, T? Value);
