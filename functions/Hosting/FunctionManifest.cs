using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Functions.Hosting;

/// <summary>
/// The app as the Functions host sees it: host.json and one function.json per function folder.
/// Both runtimes read the same files, so what runs locally is what Azure runs.
/// </summary>
public sealed class FunctionManifest
{
    private FunctionManifest(HostSettings host, IReadOnlyDictionary<string, FunctionDefinition> functions)
    {
        Host = host;
        Functions = functions;
    }

    public HostSettings Host { get; }

    public IReadOnlyDictionary<string, FunctionDefinition> Functions { get; }

    public FunctionDefinition this[string name] =>
        Functions.TryGetValue(name, out var function)
            ? function
            : throw new KeyNotFoundException($"No function.json defines a function named '{name}'.");

    public static FunctionManifest Load(string appRoot)
    {
        var hostPath = Path.Combine(appRoot, "host.json");
        if (!File.Exists(hostPath))
        {
            throw new InvalidOperationException($"host.json was not found in '{appRoot}'. The app root must hold host.json and one folder per function.");
        }

        var host = HostSettings.Parse(ReadObject(hostPath));
        var functions = new SortedDictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(appRoot, "function.json", SearchOption.AllDirectories))
        {
            var directory = Path.GetDirectoryName(file)!;
            // Only direct children of the app root are functions (as the host sees them); bin/obj copies are not.
            if (!string.Equals(Path.GetDirectoryName(directory), Path.TrimEndingDirectorySeparator(Path.GetFullPath(appRoot)), StringComparison.Ordinal))
            {
                continue;
            }

            var name = Path.GetFileName(directory);
            functions[name] = FunctionDefinition.Parse(name, ReadObject(file), file);
        }

        return new FunctionManifest(host, functions);
    }

    private static JsonObject ReadObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new InvalidOperationException($"{path} must hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {e.Message}", e);
        }
    }
}

public enum TriggerKind
{
    Http,
    Timer,
    Queue,
}

public sealed record BindingDefinition(string Name, string Type, string Direction, JsonObject Json)
{
    public string? GetString(string property) => Json[property]?.GetValue<string>();
}

public sealed record FunctionDefinition(string Name, TriggerKind Kind, BindingDefinition Trigger, IReadOnlyList<BindingDefinition> Bindings)
{
    public string? Schedule => Trigger.GetString("schedule");

    public string? QueueName => Trigger.GetString("queueName");

    /// <summary>A timer that also fires at every start; for development only.</summary>
    public bool RunOnStartup => Trigger.Json["runOnStartup"]?.GetValue<bool>() ?? false;

    public string? Route => Trigger.GetString("route");

    public IReadOnlyList<string> Methods =>
        Trigger.Json["methods"] is JsonArray methods
            ? methods.Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray()
            : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public static FunctionDefinition Parse(string name, JsonObject json, string path)
    {
        if (json["bindings"] is not JsonArray array || array.Count == 0)
        {
            throw new InvalidOperationException($"{path}: 'bindings' must be a non-empty array.");
        }

        var bindings = array.Select(b => b as JsonObject ?? throw new InvalidOperationException($"{path}: every binding must be an object."))
            .Select(b => new BindingDefinition(
                b["name"]?.GetValue<string>() ?? throw new InvalidOperationException($"{path}: a binding has no 'name'."),
                b["type"]?.GetValue<string>() ?? throw new InvalidOperationException($"{path}: a binding has no 'type'."),
                b["direction"]?.GetValue<string>() ?? throw new InvalidOperationException($"{path}: a binding has no 'direction'."),
                b))
            .ToArray();

        var triggers = bindings.Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (triggers.Length != 1)
        {
            throw new InvalidOperationException($"{path}: a function has exactly one trigger binding; found {triggers.Length}.");
        }

        var trigger = triggers[0];
        var kind = trigger.Type switch
        {
            "httpTrigger" => TriggerKind.Http,
            "timerTrigger" => TriggerKind.Timer,
            "queueTrigger" => TriggerKind.Queue,
            _ => throw new InvalidOperationException($"{path}: trigger type '{trigger.Type}' is not supported (httpTrigger, timerTrigger, queueTrigger)."),
        };

        if (kind == TriggerKind.Http && bindings.Length != 2)
        {
            // With enableForwardingHttpRequest the host forwards the raw request only when the function has one httpTrigger and one http output.
            throw new InvalidOperationException($"{path}: an HTTP function has exactly one httpTrigger in and one http out, so that the host forwards the request as is.");
        }

        return new FunctionDefinition(name, kind, trigger, bindings);
    }
}

/// <summary>The parts of host.json this app honours, with the Functions host's defaults.</summary>
public sealed record HostSettings(string RoutePrefix, QueueSettings Queues, bool ForwardsHttpRequests)
{
    public static HostSettings Parse(JsonObject host)
    {
        var extensions = host["extensions"] as JsonObject;
        var routePrefix = extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        var forwards = host["customHandler"]?["enableForwardingHttpRequest"]?.GetValue<bool>() ?? false;
        return new HostSettings(routePrefix.Trim('/'), QueueSettings.Parse(extensions?["queues"] as JsonObject), forwards);
    }
}

/// <summary>host.json extensions.queues, defaults as documented for the Functions host.</summary>
public sealed record QueueSettings(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval)
{
    public static QueueSettings Parse(JsonObject? queues)
    {
        var batchSize = queues?["batchSize"]?.GetValue<int>() ?? 16;
        if (batchSize is < 1 or > 32)
        {
            throw new InvalidOperationException($"host.json extensions.queues.batchSize must be 1 to 32; it is {batchSize}.");
        }

        var maxDequeueCount = queues?["maxDequeueCount"]?.GetValue<int>() ?? 5;
        if (maxDequeueCount < 1)
        {
            throw new InvalidOperationException("host.json extensions.queues.maxDequeueCount must be at least 1.");
        }

        var newBatchThreshold = queues?["newBatchThreshold"]?.GetValue<int>() ?? batchSize / 2 * Environment.ProcessorCount;
        if (newBatchThreshold < 0)
        {
            throw new InvalidOperationException($"host.json extensions.queues.newBatchThreshold must be 0 or more; it is {newBatchThreshold}.");
        }

        var visibilityTimeout = ParseTime(queues, "visibilityTimeout", TimeSpan.Zero);
        if (visibilityTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"host.json extensions.queues.visibilityTimeout must not be negative; it is {visibilityTimeout}.");
        }

        // The host polls at least every 100 ms; a lower ceiling would only hammer the storage account.
        var maxPollingInterval = ParseTime(queues, "maxPollingInterval", TimeSpan.FromMinutes(1));
        if (maxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            throw new InvalidOperationException($"host.json extensions.queues.maxPollingInterval must be at least 00:00:00.1; it is {maxPollingInterval}.");
        }

        return new QueueSettings(batchSize, newBatchThreshold, maxDequeueCount, visibilityTimeout, maxPollingInterval);
    }

    private static TimeSpan ParseTime(JsonObject? queues, string name, TimeSpan fallback) =>
        queues?[name] is not { } node ? fallback
        : node is JsonValue value && value.TryGetValue<string>(out var text) && TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var time) ? time
        : throw new InvalidOperationException($"host.json extensions.queues.{name} must be a time span \"hh:mm:ss\"; it is {node.ToJsonString()}.");
}
