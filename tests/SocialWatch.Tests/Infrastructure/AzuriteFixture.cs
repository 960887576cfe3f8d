using System.Diagnostics;

[assembly: AssemblyFixture(typeof(SocialWatch.Tests.Infrastructure.AzuriteFixture))]

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// One real Azurite (from the repository's node_modules) for the whole test run, in memory, on free loopback ports.
/// Test classes isolate themselves with their own table and queue prefix (<see cref="NewPrefix"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly CapturedOutput output = new();
    private Process? process;

    public string ConnectionString { get; private set; } = string.Empty;

    public int TablePort { get; private set; }

    public int QueuePort { get; private set; }

    /// <summary>A fresh prefix for table and queue names, so each test class sees only its own data.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public async ValueTask InitializeAsync()
    {
        var azurite = RepositoryRoot.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run 'npm ci' in the repository root (scripts/test does).");
        }

        var blobPort = FreePort.Next();
        TablePort = FreePort.Next();
        QueuePort = FreePort.Next();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                azurite, "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        output.Attach(process);

        try
        {
            await FreePort.WaitUntilListeningAsync(TablePort, TimeSpan.FromSeconds(30));
            await FreePort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(30));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("Azurite did not start: " + Output, e);
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
    }

    public string Output => output.Text;

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }
}
