using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SocialWatch.Host.Worker;

/// <summary>The loopback address the worker connects back to (HTTP/2 cleartext), on the configured port or a free one.</summary>
public sealed class GrpcEndpoint(IOptions<FunctionsHostOptions> options)
{
    public int Port { get; } = options.Value.GrpcPort != 0 ? options.Value.GrpcPort : FreeLoopbackPort();

    public Uri Uri => new($"http://127.0.0.1:{Port}/");

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
