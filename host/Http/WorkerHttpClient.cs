using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace SocialWatch.Host.Http;

/// <summary>The one HTTP client to the worker, configured as the Functions host's proxy: no redirects, no cookies, no proxy.</summary>
public sealed class WorkerHttpClient : IDisposable
{
    public HttpMessageInvoker Invoker { get; } = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    /// <summary>The host's own limit on an idle forwarded request (ActivityTimeout 240 s).</summary>
    public ForwarderRequestConfig RequestConfig { get; } = new() { ActivityTimeout = TimeSpan.FromSeconds(240) };

    public void Dispose() => Invoker.Dispose();
}
