using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>A test-only function folder: its name and function.json.</summary>
public sealed record TestFunctionFolder(string Name, JsonObject FunctionJson)
{
    public static TestFunctionFolder Queue(string name, string queueName) =>
        new(name, Binding(new JsonObject { ["type"] = "queueTrigger", ["direction"] = "in", ["name"] = "message", ["queueName"] = queueName, ["connection"] = "AzureWebJobsStorage" }));

    public static TestFunctionFolder Timer(string name, string schedule, bool runOnStartup = false)
    {
        var trigger = new JsonObject { ["type"] = "timerTrigger", ["direction"] = "in", ["name"] = "timer", ["schedule"] = schedule };
        if (runOnStartup)
        {
            trigger["runOnStartup"] = true;
        }

        return new(name, Binding(trigger));
    }

    private static JsonObject Binding(JsonObject trigger) => new() { ["bindings"] = new JsonArray(trigger) };
}

/// <summary>
/// A copy of the app root the build produced (host.json and every function folder) in a temporary folder, plus test-only
/// function folders, and host.json adjusted by the test (shorter intervals). The app reads it through SocialWatch:Functions:AppRoot.
/// </summary>
public sealed class TestAppRoot : IDisposable
{
    private TestAppRoot(string path, IReadOnlyList<string> appFunctions)
    {
        Path = path;
        AppFunctions = appFunctions;
    }

    public string Path { get; }

    /// <summary>The app's own function folders, copied from the build output.</summary>
    public IReadOnlyList<string> AppFunctions { get; }

    public static TestAppRoot Create(Action<JsonObject>? adjustHost, params TestFunctionFolder[] functions)
    {
        var source = AppContext.BaseDirectory;
        var path = Directory.CreateTempSubdirectory("socialwatch-approot-").FullName;
        var host = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(source, "host.json")))!.AsObject();
        adjustHost?.Invoke(host);
        File.WriteAllText(System.IO.Path.Combine(path, "host.json"), host.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var appFunctions = new List<string>();
        foreach (var functionJson in Directory.EnumerateFiles(source, "function.json", SearchOption.AllDirectories))
        {
            var folder = System.IO.Path.GetDirectoryName(functionJson)!;
            if (System.IO.Path.GetDirectoryName(folder) != System.IO.Path.TrimEndingDirectorySeparator(source))
            {
                continue;
            }

            var name = System.IO.Path.GetFileName(folder);
            Directory.CreateDirectory(System.IO.Path.Combine(path, name));
            File.Copy(functionJson, System.IO.Path.Combine(path, name, "function.json"));
            appFunctions.Add(name);
        }

        foreach (var function in functions)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(path, function.Name));
            File.WriteAllText(System.IO.Path.Combine(path, function.Name, "function.json"), function.FunctionJson.ToJsonString());
        }

        return new TestAppRoot(path, appFunctions);
    }

    /// <summary>Sets host.json extensions.queues values.</summary>
    public static Action<JsonObject> Queues(params (string Name, object Value)[] values) => host =>
    {
        var queues = host["extensions"]!["queues"]!.AsObject();
        foreach (var (name, value) in values)
        {
            queues[name] = JsonSerializer.SerializeToNode(value);
        }
    };

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
