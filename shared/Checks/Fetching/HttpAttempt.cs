using System.Net;

namespace SocialWatch.Checks.Fetching;

/// <summary>One HTTP request's answer, body already read (capped) and the connection released.</summary>
public sealed record HttpAttempt
{
    public required int Status { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public string Body { get; init; } = string.Empty;

    public bool BodyTruncated { get; init; }

    /// <summary>The Retry-After the server gave, as a delay from when the answer arrived.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public Uri? Location { get; init; }

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308 && Location is not null;

    /// <summary>A failure worth retrying: 408, 429 and 5xx answers (a long Retry-After excepted: that one is rescheduled).</summary>
    public bool IsTransientFailure(TimeSpan maxRetryAfterWait) => Status switch
    {
        (int)HttpStatusCode.RequestTimeout => true,
        (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable when RetryAfter > maxRetryAfterWait => false,
        (int)HttpStatusCode.TooManyRequests => true,
        >= 500 and <= 599 => true,
        _ => false,
    };

    /// <summary>A failure of the host itself, as the circuit breaker counts them: 408 and 5xx (a 429 is the host managing us, not failing).</summary>
    public bool IsHostFailure => Status is (int)HttpStatusCode.RequestTimeout or >= 500 and <= 599;
}

/// <summary>One request took longer than <see cref="FetchOptions.AttemptTimeout"/>.</summary>
public sealed class AttemptTimeoutException(TimeSpan timeout) : TimeoutException($"No complete answer within {timeout.TotalSeconds:0.###} s.");

/// <summary>The fetch's total time ran out while still queued for the host's politeness slot: no request was sent.</summary>
public sealed class HostBusyException(string host, DateTimeOffset nextStart)
    : Exception($"{host} is busy with earlier checks (politeness limits); its next slot is at {nextStart:O}.")
{
    public DateTimeOffset NextStart { get; } = nextStart;
}
