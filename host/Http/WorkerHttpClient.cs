using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace SocialWatch.Host.Http;

/// <summary>
/// The one HTTP client to the worker, configured as the Functions host's proxy: no redirects, no cookies, no proxy, and a few
/// quick retries while the worker's own HTTP server is not accepting connections yet (it may answer WorkerInitRequest first).
/// </summary>
public sealed partial class WorkerHttpClient : IDisposable
{
    // The Functions host's RetryProxyHandler: 10 tries, from 50 ms doubling to 250 ms between them.
    private const int Tries = 10;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(250);

    public WorkerHttpClient(ILogger<WorkerHttpClient> logger)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        Invoker = new HttpMessageInvoker(new ConnectRetries(sockets, logger));
    }

    public HttpMessageInvoker Invoker { get; }

    /// <summary>The host's own limit on an idle forwarded request (ActivityTimeout 240 s).</summary>
    public ForwarderRequestConfig RequestConfig { get; } = new() { ActivityTimeout = TimeSpan.FromSeconds(240) };

    public void Dispose() => Invoker.Dispose();

    // Expected for a moment after each start: not worth a warning.
    [LoggerMessage(Level = LogLevel.Debug, Message = "The worker's HTTP server refused the connection; trying again in {Delay} (try {Try} of {Tries})")]
    private static partial void LogRetrying(ILogger logger, TimeSpan delay, int @try, int tries);

    /// <summary>Retries only a connection that could not be made: nothing of the request has reached the worker then.</summary>
    private sealed class ConnectRetries(HttpMessageHandler inner, ILogger logger) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var delay = FirstDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && attempt < Tries)
                {
                    LogRetrying(logger, delay, attempt, Tries);
                    await Task.Delay(delay, cancellationToken);
                    delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
                }
            }
        }
    }
}
