using System.Diagnostics;
using System.Globalization;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A real Azurite (from the repository's node_modules), in memory, on free loopback ports. The tests share one through
/// their AzuriteFixture; the benchmarks (which compile this file in) start their own.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess process;

    private AzuriteServer(ChildProcess process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public int TablePort { get; }

    public int QueuePort { get; }

    public string Output => process.Output;

    public static async Task<AzuriteServer> StartAsync()
    {
        var azurite = RepositoryRoot.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run 'npm ci' in the repository root (scripts/test does).");
        }

        var blobPort = FreePort.Next();
        var queuePort = FreePort.Next();
        var tablePort = FreePort.Next();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                azurite, "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            },
        };
        var server = new AzuriteServer(ChildProcess.Start(start), blobPort, queuePort, tablePort);

        try
        {
            await FreePort.WaitUntilListeningAsync(tablePort, TimeSpan.FromSeconds(30));
            await FreePort.WaitUntilListeningAsync(queuePort, TimeSpan.FromSeconds(30));
        }
        catch (Exception e)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("Azurite did not start: " + server.Output, e);
        }

        return server;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
