using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Host.Worker;

/// <summary>
/// How the Functions host starts a worker, from the worker.config.json its build writes: {defaultExecutablePath} {arguments}
/// {defaultWorkerPath} {workerArguments}, then the host's own --functions-* arguments, in the worker directory, with the app
/// settings as environment variables plus FUNCTIONS_APPLICATION_DIRECTORY and FUNCTIONS_WORKER_DIRECTORY.
/// </summary>
public sealed record WorkerLaunch(string WorkerDirectory, string ExecutablePath, IReadOnlyList<string> ExecutableArguments, string WorkerPath, IReadOnlyList<string> WorkerArguments)
{
    /// <summary>The largest gRPC message either side accepts; the worker fails its first message without it, the host sends int.MaxValue.</summary>
    public const int GrpcMaxMessageLength = int.MaxValue;

    // The front door's own addresses: a worker inheriting them would try to bind the host's port instead of its own HttpUri.
    private static readonly string[] FrontDoorVariables = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS"];

    public static WorkerLaunch Load(string workerDirectory)
    {
        var directory = Path.GetFullPath(workerDirectory);
        var path = Path.Combine(directory, "worker.config.json");
        JsonObject description;
        try
        {
            description = JsonNode.Parse(File.ReadAllText(path))?["description"] as JsonObject
                ?? throw new InvalidOperationException($"{path} has no 'description' object.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {e.Message}", e);
        }

        var executable = description["defaultExecutablePath"]?.GetValue<string>() ?? throw new InvalidOperationException($"{path} has no description.defaultExecutablePath.");
        var worker = description["defaultWorkerPath"]?.GetValue<string>() ?? throw new InvalidOperationException($"{path} has no description.defaultWorkerPath.");
        if (!File.Exists(Path.Combine(directory, worker)))
        {
            throw new InvalidOperationException($"{path} names the worker '{worker}', which is not in {directory}.");
        }

        return new WorkerLaunch(directory, executable, Strings(description["arguments"]), worker, Strings(description["workerArguments"]));
    }

    /// <summary>The command line after the executable, as the Functions host builds it.</summary>
    public IReadOnlyList<string> Arguments(Uri grpcUri, string workerId, string requestId) =>
    [
        .. ExecutableArguments,
        WorkerPath,
        .. WorkerArguments,
        "--functions-uri", grpcUri.ToString(),
        "--functions-worker-id", workerId,
        "--functions-request-id", requestId,
        "--functions-grpc-max-message-length", GrpcMaxMessageLength.ToString(CultureInfo.InvariantCulture),
    ];

    public ProcessStartInfo StartInfo(Uri grpcUri, string workerId, string requestId)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = WorkerDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Arguments(grpcUri, workerId, requestId))
        {
            start.ArgumentList.Add(argument);
        }

        // The environment is inherited: the host's environment variables are the app settings.
        foreach (var variable in FrontDoorVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = WorkerDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = WorkerDirectory;
        return start;
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToArray() : [];
}
