using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialWatch.Checks.Rules;

namespace SocialWatch.Checks.Fetching;

/// <summary>How public pages are fetched: the SSRF guard, politeness, timeouts, retries and the per-host circuit breaker.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "SocialWatch:Checks";

    /// <summary>Lets the checker reach loopback addresses. Development and tests only: refused at start in any other environment.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Host names pinned to an address, like curl's <c>--resolve</c> (the guard still checks the address).</summary>
    public Dictionary<string, string> ResolveOverrides { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per rule-data site id, the API origin to probe instead of the one in the rules (a self-hosted Bluesky AppView, say).</summary>
    public Dictionary<string, string> ApiOrigins { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string UserAgent { get; set; } = "SocialWatch/1.0 (+https://github.com/socialwatch; profile-health checker)";

    /// <summary>The rule data's body markers are English: ask for English pages.</summary>
    public string AcceptLanguage { get; set; } = "en-US,en;q=0.8";

    /// <summary>Redirects followed by our code before the fetch is refused (at most 10).</summary>
    public int MaxRedirects { get; set; } = 10;

    /// <summary>Bytes of a body read (after decompression); the rest is never downloaded.</summary>
    public int MaxBodyBytes { get; set; } = 512 * 1024;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One request, from the first byte sent to the last body byte read.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One fetch: every hop, attempt, retry delay and politeness wait. A worker never holds a check longer.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight to one host at once.</summary>
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Minimum time between the starts of two requests to one host.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of one request (408, 429 with a short Retry-After, 5xx, timeouts, connection failures); 0 disables them.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; it doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After up to this long is waited out and retried; a longer one ends the check as rate-limited, to be rescheduled.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed requests in the sampling window that opens a host's circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Requests to a host within the sampling window before the breaker may open. Polly's default (100 in 30 s) is more
    /// than a checker making one request per second to a host can ever send, so it would never trip: 4 in 60 s can.
    /// </summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a host is left alone once its circuit opens.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class FetchOptionsValidator(ProfileRuleSet rules, IHostEnvironment? environment = null) : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        const string S = FetchOptions.SectionName;
        var failures = new List<string>();
        if (options.AllowLoopback && environment?.IsDevelopment() != true)
        {
            failures.Add($"{S}:AllowLoopback lets the checker reach this machine's own services; it is only allowed in the Development environment (this is '{environment?.EnvironmentName ?? "unknown"}').");
        }

        foreach (var (host, address) in options.ResolveOverrides)
        {
            if (!IPAddress.TryParse(address, out _))
            {
                failures.Add($"{S}:ResolveOverrides:{host} must be an IP address; it is '{address}'.");
            }
        }

        foreach (var (site, origin) in options.ApiOrigins)
        {
            if (rules.Site(site) is null)
            {
                failures.Add($"{S}:ApiOrigins:{site} names no site of the profile rules (known: {string.Join(", ", rules.Sites.Select(s => s.Id))}).");
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{S}:ApiOrigins:{site} must be an absolute http or https URL; it is '{origin}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add($"{S}:UserAgent must name the checker honestly; it is empty.");
        }

        Require(failures, options.MaxRedirects is >= 0 and <= 10, $"{S}:MaxRedirects must be between 0 and 10; it is {options.MaxRedirects}.");
        Require(failures, options.MaxBodyBytes is >= 1024 and <= 16 * 1024 * 1024, $"{S}:MaxBodyBytes must be between 1 KiB and 16 MiB; it is {options.MaxBodyBytes}.");
        Require(failures, options.ConnectTimeout > TimeSpan.Zero, $"{S}:ConnectTimeout must be positive.");
        Require(failures, options.AttemptTimeout > TimeSpan.Zero, $"{S}:AttemptTimeout must be positive.");
        Require(failures, options.TotalTimeout >= options.AttemptTimeout, $"{S}:TotalTimeout ({options.TotalTimeout}) must be at least AttemptTimeout ({options.AttemptTimeout}).");
        Require(failures, options.PerHostConcurrency is >= 1 and <= 16, $"{S}:PerHostConcurrency must be between 1 and 16; it is {options.PerHostConcurrency}.");
        Require(failures, options.MinimumInterval >= TimeSpan.Zero, $"{S}:MinimumInterval must not be negative.");
        Require(failures, options.MaxRetries is >= 0 and <= 5, $"{S}:MaxRetries must be between 0 and 5; it is {options.MaxRetries}.");
        Require(failures, options.RetryBaseDelay >= TimeSpan.Zero, $"{S}:RetryBaseDelay must not be negative.");
        Require(failures, options.MaxRetryAfterWait >= TimeSpan.Zero && options.MaxRetryAfterWait < options.TotalTimeout, $"{S}:MaxRetryAfterWait must be between 0 and TotalTimeout ({options.TotalTimeout}).");
        Require(failures, options.CircuitFailureRatio is > 0 and <= 1, $"{S}:CircuitFailureRatio must be above 0 and at most 1; it is {options.CircuitFailureRatio}.");
        Require(failures, options.CircuitMinimumThroughput >= 2, $"{S}:CircuitMinimumThroughput must be at least 2 (Polly's floor); it is {options.CircuitMinimumThroughput}.");
        Require(failures, options.CircuitSamplingDuration >= TimeSpan.FromMilliseconds(500), $"{S}:CircuitSamplingDuration must be at least 500 ms (Polly's floor).");
        Require(failures, options.CircuitBreakDuration >= TimeSpan.FromMilliseconds(500), $"{S}:CircuitBreakDuration must be at least 500 ms (Polly's floor).");
        if (options.MinimumInterval > TimeSpan.Zero && options.CircuitMinimumThroughput > PoliteRequestsPerWindow(options))
        {
            failures.Add($"{S}:CircuitMinimumThroughput ({options.CircuitMinimumThroughput}) is more requests than a host can receive in CircuitSamplingDuration ({options.CircuitSamplingDuration}) at one per MinimumInterval ({options.MinimumInterval}): the circuit breaker could never open.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The most requests one host can receive in a sampling window when requests start at least MinimumInterval apart.</summary>
    public static double PoliteRequestsPerWindow(FetchOptions options) =>
        Math.Floor(options.CircuitSamplingDuration / options.MinimumInterval) + 1;

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
