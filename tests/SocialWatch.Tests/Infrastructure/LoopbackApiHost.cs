using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app as <see cref="ApiHost"/> makes it, but served by Kestrel on a 127.0.0.1 port of its own, so that a real browser
/// can load its pages and call its API. A class fixture: one app per test class.
/// </summary>
public sealed class LoopbackApiHost(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services, to seed what the API cannot write (profile health as checks would leave it).</summary>
    public IServiceProvider Services => factory!.Services;

    /// <summary>A client that calls the app over loopback HTTP.</summary>
    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        factory = ApiHost.Create(azurite, ApiHost.AdminKey);
        BaseAddress = Serve(factory);
        Client = new HttpClient { BaseAddress = BaseAddress };
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts the app with Kestrel on a free 127.0.0.1 port and answers its base address.</summary>
    internal static Uri Serve(WebApplicationFactory<Program> app)
    {
        var port = FreePort.Next();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
