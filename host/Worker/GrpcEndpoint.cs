using System.Net;
using System.Net.Sockets;

namespace SocialWatch.Host.Worker;

/// <summary>The loopback address the worker connects back to (HTTP/2 cleartext), on the configured port or a free one.</summary>
public sealed class GrpcEndpoint(int configuredPort)
{
    public int Port { get; } = configuredPort switch
    {
        0 => FreeLoopbackPort(),
        > 0 and <= 65535 => configuredPort,
        _ => throw new InvalidOperationException($"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.GrpcPort)} must be a TCP port, or 0 for a free one; it is {configuredPort}."),
    };

    public Uri Uri => new($"http://127.0.0.1:{Port}/");

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
