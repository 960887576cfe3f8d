using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A business's own site, as a browser sees it: a real Kestrel server on 127.0.0.1 at a port of its own (so another origin
/// than the app's) serving one HTML page at /.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestSite(WebApplication app, Uri origin)
    {
        this.app = app;
        Origin = origin;
    }

    /// <summary>The origin as browsers send it (http://127.0.0.1:port), without a trailing slash.</summary>
    public Uri Origin { get; }

    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    /// <summary>The page at /: set once the origin is known (a business must list it before the page calls the API).</summary>
    public string Html { get; set; } = "<!doctype html><title>empty</title>";

    public static async Task<TestSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var address = new TaskCompletionSource<TestSite>();
        app.MapGet("/", async () => Results.Content((await address.Task).Html, "text/html; charset=utf-8"));
        await app.StartAsync();
        var site = new TestSite(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()));
        address.SetResult(site);
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
