[assembly: AssemblyFixture(typeof(SocialWatch.Tests.Infrastructure.AzuriteFixture))]

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// One real Azurite (from the repository's node_modules) for the whole test run, in memory, on free loopback ports.
/// Test classes isolate themselves with their own table and queue prefix (<see cref="NewPrefix"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountKey = AzuriteServer.AccountKey;

    private AzuriteServer? server;

    public string ConnectionString => Server.ConnectionString;

    public int TablePort => Server.TablePort;

    public int QueuePort => Server.QueuePort;

    public string Output => server?.Output ?? string.Empty;

    private AzuriteServer Server => server ?? throw new InvalidOperationException("Azurite has not started yet.");

    /// <summary>A fresh prefix for table and queue names, so each test class sees only its own data.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public async ValueTask InitializeAsync() => server = await AzuriteServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
