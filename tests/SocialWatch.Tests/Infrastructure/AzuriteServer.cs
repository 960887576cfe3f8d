using System.Diagnostics;
using System.Globalization;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A real Azurite (from the repository's node_modules), in memory, on free loopback ports. The tests share one through
/// their AzuriteFixture; the benchmarks (which compile this file in) start their own, optionally as two processes (table and
/// queue services apart, no blob service), since each Azurite process serves all its requests on one Node thread.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess[] processes;

    private AzuriteServer(ChildProcess[] processes, int blobPort, int queuePort, int tablePort)
    {
        this.processes = processes;
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

    public string Output => string.Join(Environment.NewLine, processes.Select(p => p.Output));

    /// <param name="separateServices">Table and queue services as two processes (azurite-table, azurite-queue) instead of one.</param>
    public static async Task<AzuriteServer> StartAsync(bool separateServices = false)
    {
        var azurite = RepositoryRoot.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run 'npm ci' in the repository root (scripts/test does).");
        }

        var blobPort = FreePort.Next();
        var queuePort = FreePort.Next();
        var tablePort = FreePort.Next();
        string[] common = ["--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry"];
        string[] queue = ["--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture)];
        string[] table = ["--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture)];
        string[] blob = ["--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture)];
        var starts = separateServices
            ? new[] { Node(Path.Combine(Path.GetDirectoryName(azurite)!, "table", "main.js"), [.. common, .. table]), Node(Path.Combine(Path.GetDirectoryName(azurite)!, "queue", "main.js"), [.. common, .. queue]) }
            : [Node(azurite, [.. common, .. blob, .. queue, .. table])];
        var server = new AzuriteServer(starts.Select(start => ChildProcess.Start(start)).ToArray(), blobPort, queuePort, tablePort);

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
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }

    private static ProcessStartInfo Node(string script, string[] arguments)
    {
        var start = new ProcessStartInfo("node") { ArgumentList = { script } };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
