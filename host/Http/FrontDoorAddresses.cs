using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SocialWatch.Host.Http;

/// <summary>
/// The front door's addresses from ASPNETCORE_URLS or --urls (http only; localhost, an IP address, or * for all), default
/// http://127.0.0.1:7071 as under Core Tools. They are configured on Kestrel by hand because the gRPC endpoint is too, and
/// Kestrel ignores configured URLs once code adds an endpoint.
/// </summary>
public static class FrontDoorAddresses
{
    public const string Default = "http://127.0.0.1:7071";

    public static void Listen(KestrelServerOptions kestrel, string? urls)
    {
        foreach (var text in (string.IsNullOrWhiteSpace(urls) ? Default : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (host, port) = Parse(text);
            switch (host)
            {
                case "localhost":
                    kestrel.ListenLocalhost(port);
                    break;
                case "*" or "+" or "0.0.0.0" or "[::]":
                    kestrel.ListenAnyIP(port);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(host.Trim('[', ']')), port);
                    break;
            }
        }
    }

    public static (string Host, int Port) Parse(string url)
    {
        // "*" and "+" are not valid URI hosts: read them before parsing the rest.
        var wildcard = url.StartsWith("http://*:", StringComparison.Ordinal) || url.StartsWith("http://+:", StringComparison.Ordinal);
        var parsable = wildcard ? "http://0.0.0.0:" + url["http://*:".Length..] : url;
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"The front door URL '{url}' must be http://{{host}}:{{port}} (localhost, an IP address or *); https is not served.");
        }

        var host = wildcard ? "*" : uri.Host;
        if (host != "localhost" && host != "*" && !IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            throw new InvalidOperationException($"The front door URL '{url}' names host '{host}': use localhost, an IP address or *.");
        }

        return (host, uri.Port);
    }
}
