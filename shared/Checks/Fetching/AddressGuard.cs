using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Fetching;

/// <summary>
/// The SSRF guard. Every connection the checker opens goes through <see cref="ConnectAsync"/>: it resolves the host
/// itself, refuses the whole connection if any resolved address is not public (loopback only when allowed), and then
/// connects to exactly the addresses it checked, so a second DNS answer cannot swap in another one (no TOCTOU).
/// Redirect hops open their own connections and so pass through here again.
/// </summary>
public sealed partial class AddressGuard(IOptions<FetchOptions> options, ILogger<AddressGuard> logger)
{
    /// <summary>The checker's primary handler: no proxy, no automatic redirects, no shared cookies, connections through the guard.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var settings = options.Value;
        return new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = settings.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = settings.PerHostConcurrency,
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
    }

    /// <summary>The addresses the host may be reached at; throws <see cref="AddressRefusedException"/> if any is refused.</summary>
    public async ValueTask<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var name = host.Trim('[', ']');
        IPAddress[] addresses = IPAddress.TryParse(name, out var literal) ? [literal]
            : settings.ResolveOverrides.TryGetValue(name, out var pinned) ? [IPAddress.Parse(pinned)]
            : await Dns.GetHostAddressesAsync(name, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (var address in addresses)
        {
            var kind = AddressClassifier.Classify(address);
            if (!IsAllowed(kind, settings))
            {
                LogRefused(host, address, kind);
                throw new AddressRefusedException(host, address, kind);
            }
        }

        return addresses;
    }

    public static bool IsAllowed(AddressKind kind, FetchOptions settings) =>
        kind == AddressKind.Public || (kind == AddressKind.Loopback && settings.AllowLoopback);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to connect to {Host}: it resolves to {Address}, a {Kind} address")]
    private partial void LogRefused(string host, IPAddress address, AddressKind kind);
}

/// <summary>The guard refused an address: the fetch must not be retried, and nothing was sent to it.</summary>
public sealed class AddressRefusedException(string host, IPAddress address, AddressKind kind)
    : Exception($"Refused to connect to {host}: it resolves to {address}, a {kind} address.")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;

    public AddressKind Kind { get; } = kind;
}
