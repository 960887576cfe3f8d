using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on loopback: the one way the tests and benchmarks start the sites, networks and sources they play
/// (a business's site, fake networks on 127.0.0.x, feed and API sources, an ingestion endpoint). Listens on 127.0.0.1 at a
/// port the OS picks unless told which addresses; quiet (no logging).
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackSite(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://address:port/ of the first address it listens on.</summary>
    public Uri BaseAddress { get; }

    public static Task<LoopbackSite> StartAsync(Action<WebApplication> map) => StartAsync(map, [new IPEndPoint(IPAddress.Loopback, 0)]);

    /// <param name="map">Maps the site's answers (routes, middleware or one handler for everything).</param>
    /// <param name="endpoints">Where it listens: several loopback addresses on one port play several hosts.</param>
    public static async Task<LoopbackSite> StartAsync(Action<WebApplication> map, IReadOnlyCollection<IPEndPoint> endpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            foreach (var endpoint in endpoints)
            {
                kestrel.Listen(endpoint);
            }
        });
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackSite(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
