using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Checks.Fetching;

namespace SocialWatch.Collectors.Collection;

/// <summary>
/// GETs one source answer for a collector through the profile checks' <see cref="PageFetcher"/> (the same SSRF guard, per-host
/// politeness, retries, circuit breaker and User-Agent), with the stored validators as conditional headers, and hands the body to a
/// reader as a stream. A fetch that ends without an answer becomes a failed result. A declared rate limit that asks for more spacing
/// than the politeness interval holds the whole host until then, so every profile on it is rescheduled rather than waited for.
/// </summary>
public sealed partial class SourceFetcher(
    PageFetcher fetcher, HostPoliteness politeness, IOptions<FetchOptions> fetchOptions, TimeProvider time, ILogger<SourceFetcher> logger)
{
    public const string FeedAccept = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    public const string JsonAccept = "application/json";

    public async Task<CollectedActivity> GetAsync(
        Uri url, SourceKind source, string accept, ValidatorSet validators, Func<SourceResponse, CancellationToken, Task<CollectedActivity>> read,
        CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchStreamAsync(
            url, accept, validators.ApplyTo, (response, body, token) => read(SourceResponse.From(response, body), token), cancellationToken);
        var outcome = fetched.Outcome;
        var now = time.GetUtcNow();
        var activity = outcome.End switch
        {
            FetchEnd.Response => fetched.Value ?? throw new InvalidOperationException($"The answer from {url} was not read."),
            FetchEnd.RateLimited or FetchEnd.CircuitOpen => CollectedActivity.Failed(source, CollectionErrorKind.RateLimited, outcome.Detail ?? "Rate-limited."),
            FetchEnd.Timeout => CollectedActivity.Failed(source, CollectionErrorKind.TimedOut, outcome.Detail ?? "Timed out."),
            FetchEnd.ConnectionFailed => CollectedActivity.Failed(source, CollectionErrorKind.ConnectionLost, outcome.Detail ?? "The connection failed."),
            _ => CollectedActivity.Failed(source, CollectionErrorKind.Refused, outcome.Detail ?? $"The fetch ended as {outcome.End}."),
        };

        // A Retry-After (or an open circuit) says when to come back, as a rate limit with nothing left until then.
        if (activity.RateLimit is null && outcome.RetryAt is { } retryAt && activity.Error?.Kind == CollectionErrorKind.RateLimited)
        {
            activity = activity with { RateLimit = new RateLimit(0, 0, retryAt) };
        }

        if (PauseAskedBy(activity) is { } pause)
        {
            politeness.DeferUntil(url.IdnHost, now + pause);
            LogPaced(url.IdnHost, activity.RateLimit!.Remaining, activity.RateLimit.ResetsAt, now + pause);
        }

        return activity;
    }

    /// <summary>The pause the answer's declared rate limit asks for before the next request, when longer than the politeness interval.</summary>
    public TimeSpan? PauseAskedBy(CollectedActivity activity) =>
        activity.RateLimit?.PaceAt(time.GetUtcNow()) is { } pace && pace > fetchOptions.Value.MinimumInterval ? pace : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host} declares {Remaining} requests left until {ResetsAt:O}: nothing more is sent to it before {Until:O}")]
    private partial void LogPaced(string host, int remaining, DateTimeOffset resetsAt, DateTimeOffset until);
}
