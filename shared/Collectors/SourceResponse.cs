using System.Net;

namespace SocialWatch.Collectors;

/// <summary>
/// One answer from a source as the fetcher hands it over: status, headers and the body as a stream. The collectors read it; they
/// never fetch, so politeness, redirects and the SSRF guard stay with the fetcher. The caller owns and disposes the body.
/// </summary>
public sealed class SourceResponse
{
    private readonly Dictionary<string, string> headers;

    public SourceResponse(HttpStatusCode status, IEnumerable<KeyValuePair<string, string>> headers, Stream body)
    {
        Status = status;
        Body = body;
        this.headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            this.headers[name] = this.headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }
    }

    public HttpStatusCode Status { get; }

    public Stream Body { get; }

    /// <summary>Response and content headers of an HttpClient answer, with the body stream read from it.</summary>
    public static SourceResponse From(HttpResponseMessage response, Stream body) =>
        new(response.StatusCode, response.Headers.Concat(response.Content.Headers)
            .Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value))), body);

    public string? Header(string name) => headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// The result an answer settles without reading its body: 304 unchanged, 404 not found, 410 gone, 429 rate-limited, any other
    /// non-success a failure. Null for a 2xx answer, whose body the collector reads.
    /// </summary>
    public CollectedActivity? Settle(SourceKind source, DateTimeOffset now)
    {
        CollectedActivity? settled = Status switch
        {
            HttpStatusCode.NotModified => new CollectedActivity { Source = source, Status = CollectionStatus.Unchanged },
            HttpStatusCode.NotFound => new CollectedActivity { Source = source, Life = LifeSignal.NotFound },
            HttpStatusCode.Gone => new CollectedActivity { Source = source, Life = LifeSignal.Gone },
            HttpStatusCode.TooManyRequests => CollectedActivity.Failed(source, CollectionErrorKind.RateLimited, "HTTP 429 Too Many Requests"),
            >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices => null,
            _ => CollectedActivity.Failed(source, CollectionErrorKind.UnexpectedStatus, $"HTTP {(int)Status} {Status}"),
        };
        return settled is null ? null : Stamp(settled, now);
    }

    /// <summary>The result with what every answer's headers carry: validators for the next conditional GET and the rate limit.</summary>
    public CollectedActivity Stamp(CollectedActivity activity, DateTimeOffset now) =>
        activity with { Validators = ValidatorSet.From(this), RateLimit = RateLimit.From(this, now) };
}
