using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace SocialWatch.Checks.Fetching;

/// <summary>
/// Fetches one public page for a check: GET only, redirects followed here (each hop re-validated by scheme and, at connect
/// time, by the <see cref="AddressGuard"/>), per-host politeness and resilience, a capped body, an attempt and a total
/// timeout. Every ending is a <see cref="FetchOutcome"/>; only the caller's cancellation and programming errors throw.
/// </summary>
public sealed partial class PageFetcher(
    IHttpClientFactory clients,
    HostPoliteness politeness,
    HostResilience resilience,
    IOptions<FetchOptions> options,
    TimeProvider time,
    ILogger<PageFetcher> logger)
{
    public const string ClientName = "SocialWatch.Checks";

    private const string PageAccept = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8";

    // Fields, not captured parameters: the nested Fetch reads them.
    private readonly IHttpClientFactory clients = clients;
    private readonly HostPoliteness politeness = politeness;
    private readonly IOptions<FetchOptions> options = options;
    private readonly TimeProvider time = time;

    /// <param name="url">The page to fetch.</param>
    /// <param name="loginWall">Given a redirect target, the id of the login-wall rule it matches, or null: such a redirect is not followed.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation is the only one that throws.</param>
    public Task<FetchOutcome> FetchAsync(Uri url, Func<Uri, string?>? loginWall = null, CancellationToken cancellationToken = default) =>
        FetchAsync(new Fetch(this, url, new FetchRequest(PageAccept), cancellationToken), loginWall, cancellationToken);

    /// <summary>
    /// Fetches a source for a collector through the same guard, politeness, resilience and timeouts as a page: the request carries
    /// <paramref name="accept"/> and the headers <paramref name="prepare"/> adds (conditional ones), and the final answer's body is
    /// handed to <paramref name="read"/> as a stream while the connection is open, so the reader caps and parses it as it arrives.
    /// <see cref="StreamedFetch{T}.Value"/> is what <paramref name="read"/> returned for the answer the fetch ended on, if it ended on one.
    /// </summary>
    public async Task<StreamedFetch<T>> FetchStreamAsync<T>(
        Uri url, string accept, Action<HttpRequestHeaders> prepare, Func<HttpResponseMessage, Stream, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        T? value = default;
        var request = new FetchRequest(accept, prepare, async (response, body, token) => value = await read(response, body, token));
        var outcome = await FetchAsync(new Fetch(this, url, request, cancellationToken), loginWall: null, cancellationToken);
        return new StreamedFetch<T>(outcome, outcome.End == FetchEnd.Response ? value : default);
    }

    private async Task<FetchOutcome> FetchAsync(Fetch fetch, Func<Uri, string?>? loginWall, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var totalTimeout = new CancellationTokenSource(settings.TotalTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimeout.Token);
        while (true)
        {
            if (fetch.Current.Scheme != Uri.UriSchemeHttp && fetch.Current.Scheme != Uri.UriSchemeHttps)
            {
                return fetch.End(FetchEnd.Refused, "refused-scheme", $"Only http and https are fetched, not {fetch.Current.Scheme}.");
            }

            var host = fetch.Current.IdnHost;
            HttpAttempt attempt;
            try
            {
                attempt = await resilience.For(host).ExecuteAsync(static (state, token) => state.SendAsync(token), fetch, linked.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && fetch.Failed(e) is { } failed)
            {
                return failed;
            }

            if (attempt.IsRedirect)
            {
                var next = new Uri(fetch.Current, attempt.Location!);
                if (loginWall?.Invoke(next) is { } wallRule)
                {
                    return fetch.Redirected(next).End(FetchEnd.LoginWall, wallRule, $"Redirected to a login page: {next}", attempt);
                }

                if (fetch.Hops.Count >= settings.MaxRedirects)
                {
                    return fetch.End(FetchEnd.RedirectLimit, "redirect-limit", $"More than {settings.MaxRedirects} redirects; the next one went to {next}.", attempt);
                }

                fetch.Redirected(next);
                continue;
            }

            DateTimeOffset? retryAt = attempt.RetryAfter is { } after ? time.GetUtcNow() + after : null;
            if (retryAt is { } until && attempt.RetryAfter > settings.MaxRetryAfterWait && attempt.Status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable)
            {
                politeness.DeferUntil(host, until);
                LogDeferred(host, until);
            }

            return fetch.End(FetchEnd.Response, null, null, attempt) with { RetryAt = retryAt };
        }
    }

    private static bool IsText(MediaTypeHeaderValue? contentType) => contentType?.MediaType is not { } media
        || media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || media.Contains("json", StringComparison.OrdinalIgnoreCase)
        || media.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || media.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static Encoding BodyEncoding(MediaTypeHeaderValue? contentType)
    {
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8; // an unknown charset label: UTF-8 is what the web mostly serves
            }
        }

        return Encoding.UTF8;
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host} asked not to be called before {Until:O}: its checks are rescheduled")]
    private partial void LogDeferred(string host, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a malformed cookie from {Url}: {Reason}")]
    private partial void LogBadCookie(Uri url, string reason);

    /// <summary>The state of one fetch across its hops and attempts.</summary>
    /// <summary>What a fetch asks for, and who reads the body instead of the capped text read (a collector's parser).</summary>
    private sealed record FetchRequest(
        string Accept, Action<HttpRequestHeaders>? Prepare = null, Func<HttpResponseMessage, Stream, CancellationToken, Task>? ReadBody = null);

    private sealed class Fetch(PageFetcher fetcher, Uri requested, FetchRequest shape, CancellationToken callerToken)
    {
        private readonly Uri requested = requested;
        private readonly CookieContainer cookies = new();
        private readonly long started = fetcher.time.GetTimestamp();
        private int attempts;

        public Uri Current { get; private set; } = requested;

        public List<Uri> Hops { get; } = [];

        public Fetch Redirected(Uri next)
        {
            Hops.Add(next);
            Current = next;
            return this;
        }

        public FetchOutcome End(FetchEnd end, string? ruleId, string? detail, HttpAttempt? attempt = null) => new()
        {
            End = end,
            RequestedUrl = requested,
            FinalUrl = Current,
            Hops = Hops.ToArray(),
            Status = attempt?.Status,
            Headers = attempt?.Headers ?? new Dictionary<string, string>(),
            Body = attempt?.Body ?? string.Empty,
            BodyTruncated = attempt?.BodyTruncated ?? false,
            Elapsed = fetcher.time.GetElapsedTime(started),
            Attempts = attempts,
            RuleId = ruleId,
            Detail = detail,
        };

        /// <summary>The outcome an exception stands for, or null when it must propagate (a bug).</summary>
        public FetchOutcome? Failed(Exception exception)
        {
            var settings = fetcher.options.Value;
            if (HostResilience.IsRefusal(exception))
            {
                return End(FetchEnd.Refused, "refused-address", Refusal(exception).Message);
            }

            return exception switch
            {
                BrokenCircuitException open => End(FetchEnd.CircuitOpen, "circuit-open", $"{Current.IdnHost} failed repeatedly; it is left alone for a while.")
                    with { RetryAt = fetcher.time.GetUtcNow() + (open.RetryAfter ?? settings.CircuitBreakDuration) },
                HostDeferredException deferred => End(FetchEnd.RateLimited, "host-deferred", deferred.Message) with { RetryAt = deferred.Until },
                HostBusyException busy => End(FetchEnd.RateLimited, "host-busy", busy.Message) with { RetryAt = busy.NextStart },
                AttemptTimeoutException timeout => End(FetchEnd.Timeout, "attempt-timeout", timeout.Message),
                OperationCanceledException => End(FetchEnd.Timeout, "total-timeout", $"No answer within the total {settings.TotalTimeout.TotalSeconds:0.###} s."),
                HttpRequestException or IOException or SocketException => End(FetchEnd.ConnectionFailed, "connection-failed", Describe(exception)),
                _ => null,
            };
        }

        public async ValueTask<HttpAttempt> SendAsync(CancellationToken token)
        {
            var settings = fetcher.options.Value;
            var url = Current;
            IDisposable lease;
            try
            {
                lease = await fetcher.politeness.EnterAsync(url.IdnHost, token);
            }
            catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
            {
                throw new HostBusyException(url.IdnHost, fetcher.politeness.NextStartAt(url.IdnHost));
            }

            using (lease)
            {
                Interlocked.Increment(ref attempts);
                using var attemptTimeout = new CancellationTokenSource(settings.AttemptTimeout, fetcher.time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, attemptTimeout.Token);
                try
                {
                    return await SendOnceAsync(url, settings, linked.Token);
                }
                catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    throw new AttemptTimeoutException(settings.AttemptTimeout);
                }
            }
        }

        private async Task<HttpAttempt> SendOnceAsync(Uri url, FetchOptions settings, CancellationToken token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", shape.Accept);
            request.Headers.TryAddWithoutValidation("Accept-Language", settings.AcceptLanguage);
            shape.Prepare?.Invoke(request.Headers);
            var cookieHeader = cookies.GetCookieHeader(url);
            if (cookieHeader.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
            }

            var client = fetcher.clients.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            KeepCookies(url, response);
            // A redirect's body is never looked at: leave it unread.
            var redirect = response.Headers.Location is not null && (int)response.StatusCode is >= 300 and < 400;
            var (body, truncated) = (string.Empty, false);
            if (!redirect && shape.ReadBody is { } readBody)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(token);
                await readBody(response, stream, token);
            }
            else if (!redirect && IsText(response.Content.Headers.ContentType))
            {
                (body, truncated) = await ReadCappedAsync(response.Content, settings.MaxBodyBytes, token);
            }

            return new HttpAttempt
            {
                Status = (int)response.StatusCode,
                Headers = CollectHeaders(response),
                Body = body,
                BodyTruncated = truncated,
                Location = response.Headers.Location,
                RetryAfter = response.Headers.RetryAfter switch
                {
                    { Delta: { } delta } => delta,
                    { Date: { } date } => date - fetcher.time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
                    _ => null,
                },
            };
        }

        private static async Task<(string Body, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken token)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
            try
            {
                await using var stream = await content.ReadAsStreamAsync(token);
                var read = 0;
                while (read <= maxBytes)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read, maxBytes + 1 - read), token);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                return (BodyEncoding(content.Headers.ContentType).GetString(buffer, 0, Math.Min(read, maxBytes)), read > maxBytes);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void KeepCookies(Uri url, HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                return;
            }

            foreach (var value in values)
            {
                try
                {
                    cookies.SetCookies(url, value);
                }
                catch (CookieException e)
                {
                    fetcher.LogBadCookie(url, e.Message);
                }
            }
        }

        private static AddressRefusedException Refusal(Exception exception) =>
            exception as AddressRefusedException ?? Refusal(exception.InnerException!);

        private static string Describe(Exception exception) => exception switch
        {
            HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"{http.HttpRequestError}: {http.Message}",
            _ => exception.Message,
        };
    }
}
