using System.Reflection;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Worker;

/// <summary>
/// What the Functions host does with a worker that has opened its stream, in order: WorkerInitRequest, FunctionsMetadataRequest,
/// then one FunctionLoadRequest per function (worker 2.x does not take the collection variant). A function that fails to load is
/// logged and left out; the worker must load at least one.
/// </summary>
public sealed partial class WorkerHandshake(ILogger<WorkerHandshake> logger)
{
    /// <summary>The capability a worker with the ASP.NET Core integration sets to the address of its own HTTP server.</summary>
    public const string HttpUriCapability = "HttpUri";

    private static readonly string HostVersion = typeof(WorkerHandshake).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public async Task<LoadedWorker> RunAsync(WorkerConnection connection, string workerDirectory, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = workerDirectory, FunctionAppDirectory = workerDirectory };
        var initialized = (await connection.RequestAsync(new StreamingMessage { RequestId = NewId(), WorkerInitRequest = init }, WorkerConnection.InitKey, cancellationToken)).WorkerInitResponse;
        EnsureSucceeded(initialized.Result, "initialise");
        var httpUri = initialized.Capabilities.TryGetValue(HttpUriCapability, out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

        var metadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = workerDirectory };
        var indexed = (await connection.RequestAsync(new StreamingMessage { RequestId = NewId(), FunctionsMetadataRequest = metadataRequest }, WorkerConnection.MetadataKey, cancellationToken)).FunctionMetadataResponse;
        var catalog = FunctionCatalog.From(indexed);

        var loads = catalog.All.Select(async function =>
        {
            var request = new StreamingMessage { RequestId = NewId(), FunctionLoadRequest = FunctionLoadRequests.For(function) };
            var loaded = (await connection.RequestAsync(request, WorkerConnection.LoadKey(function.FunctionId), cancellationToken)).FunctionLoadResponse;
            if (loaded.Result?.Status == StatusResult.Types.Status.Success)
            {
                return function;
            }

            LogLoadFailed(function.Name, loaded.Result?.Exception?.Message ?? loaded.Result?.Result);
            return null;
        });
        var functions = (await Task.WhenAll(loads)).OfType<WorkerFunction>().ToArray();
        if (functions.Length == 0)
        {
            throw new InvalidOperationException("The worker loaded no function.");
        }

        return new LoadedWorker(connection, new FunctionCatalog(functions), httpUri);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static void EnsureSucceeded(StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed to {what}: {result?.Exception?.Message ?? result?.Result ?? "no result"}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed to load in the worker: {Error}")]
    private partial void LogLoadFailed(string functionName, string? error);
}
