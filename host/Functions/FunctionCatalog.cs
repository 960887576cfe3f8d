using System.Text.Json;
using System.Text.Json.Nodes;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Functions;

public enum TriggerKind
{
    Http,
    Timer,
    Queue,
    Other,
}

/// <summary>One binding of a function as the worker declared it (a raw binding: the JSON of functions.metadata).</summary>
public sealed record FunctionBinding(string Name, string Type, string Direction, JsonObject Json)
{
    public string? GetString(string property) => Json[property]?.GetValue<string>();

    public static FunctionBinding Parse(string raw, string functionName)
    {
        var json = JsonNode.Parse(raw) as JsonObject ?? throw new InvalidOperationException($"Function {functionName}: a binding is not a JSON object.");
        return new FunctionBinding(
            json["name"]?.GetValue<string>() ?? throw new InvalidOperationException($"Function {functionName}: a binding has no 'name'."),
            json["type"]?.GetValue<string>() ?? throw new InvalidOperationException($"Function {functionName}: a binding has no 'type'."),
            json["direction"]?.GetValue<string>() ?? "in",
            json);
    }
}

/// <summary>A function as the worker indexed it: its id in this worker, its trigger, and the metadata to load it with.</summary>
public sealed record WorkerFunction(string Name, string FunctionId, FunctionBinding Trigger, RpcFunctionMetadata Metadata)
{
    public TriggerKind Kind => Trigger.Type.ToUpperInvariant() switch
    {
        "HTTPTRIGGER" => TriggerKind.Http,
        "TIMERTRIGGER" => TriggerKind.Timer,
        "QUEUETRIGGER" => TriggerKind.Queue,
        _ => TriggerKind.Other,
    };

    public string? Schedule => Trigger.GetString("schedule");

    public string? QueueName => Trigger.GetString("queueName");

    /// <summary>A timer that also fires at every start; for development only.</summary>
    public bool RunOnStartup => Trigger.Json["runOnStartup"]?.GetValue<bool>() ?? false;

    /// <summary>The route under the route prefix; the function's name when the trigger gives none, as the Functions host does.</summary>
    public string Route => Trigger.GetString("route") ?? Name;

    /// <summary>The HTTP methods the trigger accepts; empty accepts any.</summary>
    public IReadOnlyList<string> Methods =>
        Trigger.Json["methods"] is JsonArray methods
            ? methods.Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray()
            : [];

    public static WorkerFunction From(RpcFunctionMetadata metadata)
    {
        var bindings = metadata.RawBindings.Select(raw => FunctionBinding.Parse(raw, metadata.Name)).ToArray();
        var triggers = bindings.Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (triggers.Length != 1)
        {
            throw new InvalidOperationException($"Function {metadata.Name} has {triggers.Length} trigger bindings; a function has exactly one.");
        }

        var id = string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId;
        return new WorkerFunction(metadata.Name, id, triggers[0], metadata);
    }
}

/// <summary>Every function one worker declared, by name (names are case-insensitive in the Functions host).</summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, WorkerFunction> functions;

    public FunctionCatalog(IEnumerable<WorkerFunction> functions) =>
        this.functions = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<WorkerFunction> All => functions.Values;

    public bool TryGet(string name, out WorkerFunction function) => functions.TryGetValue(name, out function!);

    public static FunctionCatalog From(FunctionMetadataResponse response)
    {
        if (response.Result is { Status: StatusResult.Types.Status.Failure } failure)
        {
            throw new InvalidOperationException($"The worker could not index its functions: {failure.Exception?.Message ?? failure.Result}");
        }

        if (response.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asks the host to index its functions from function.json files; this host only takes worker-indexed functions (an isolated worker's functions.metadata).");
        }

        return new FunctionCatalog(response.FunctionMetadataResults.Select(WorkerFunction.From));
    }

    /// <summary>The names, for the log.</summary>
    public override string ToString() => string.Join(", ", functions.Keys.Order(StringComparer.Ordinal));
}
