using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A real Azurite (from the repository's node_modules), in memory, on free loopback ports. The tests share one through
/// their AzuriteFixture; the benchmarks (which compile this file in) start their own.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
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

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

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
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var server = new AzuriteServer(Process.Start(start) ?? throw new InvalidOperationException("node could not be started."), blobPort, queuePort, tablePort);
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();

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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
