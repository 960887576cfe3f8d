using SocialWatch.Functions;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>Reading host.json and the function.json files, and refusing the ones the host would not run as we need.</summary>
public sealed class FunctionManifestLoad : IDisposable
{
    private const string HostJson = """{ "version": "2.0" }""";
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("socialwatch-manifest-");

    [Fact]
    public void ReadsTheBuiltAppRoot()
    {
        var manifest = FunctionManifest.Load(AppContext.BaseDirectory);

        var health = manifest[GetHealth.Name];
        Assert.Equal(TriggerKind.Http, health.Kind);
        Assert.Equal("health", health.Route);
        Assert.Equal(["GET"], health.Methods);
        Assert.Equal("api", manifest.Host.RoutePrefix);
        Assert.True(manifest.Host.ForwardsHttpRequests);
    }

    [Fact]
    public void ReadsTimerAndQueueTriggersAndIgnoresFunctionJsonBelowTheFunctionFolders()
    {
        Write("host.json", HostJson);
        Write("Sweep/function.json", """{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "%SWEEP%", "runOnStartup": true } ] }""");
        Write("Check/function.json", """{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "checks" } ] }""");
        Write("bin/Copy/function.json", """{ "bindings": [] }""");

        var manifest = FunctionManifest.Load(root.FullName);

        Assert.Equal(["Check", "Sweep"], manifest.Functions.Keys);
        Assert.Equal((TriggerKind.Timer, "%SWEEP%", true), (manifest["Sweep"].Kind, manifest["Sweep"].Schedule, manifest["Sweep"].RunOnStartup));
        Assert.Equal((TriggerKind.Queue, "checks", "message"), (manifest["Check"].Kind, manifest["Check"].QueueName, manifest["Check"].Trigger.Name));
    }

    [Fact]
    public void RefusesAnAppRootWithoutHostJson()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => FunctionManifest.Load(root.FullName));

        Assert.Contains("host.json was not found", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"bindings\": [", "is not valid JSON")]
    [InlineData("[]", "must hold a JSON object")]
    [InlineData("{ }", "'bindings' must be a non-empty array")]
    [InlineData("{ \"bindings\": [] }", "'bindings' must be a non-empty array")]
    [InlineData("{ \"bindings\": [ 1 ] }", "every binding must be an object")]
    [InlineData("{ \"bindings\": [ { \"type\": \"queueTrigger\", \"direction\": \"in\" } ] }", "a binding has no 'name'")]
    [InlineData("{ \"bindings\": [ { \"name\": \"m\", \"direction\": \"in\" } ] }", "a binding has no 'type'")]
    [InlineData("{ \"bindings\": [ { \"name\": \"m\", \"type\": \"queueTrigger\" } ] }", "a binding has no 'direction'")]
    [InlineData("{ \"bindings\": [ { \"name\": \"q\", \"type\": \"queue\", \"direction\": \"out\" } ] }", "exactly one trigger binding; found 0")]
    [InlineData("{ \"bindings\": [ { \"name\": \"a\", \"type\": \"queueTrigger\", \"direction\": \"in\" }, { \"name\": \"b\", \"type\": \"timerTrigger\", \"direction\": \"in\" } ] }", "exactly one trigger binding; found 2")]
    [InlineData("{ \"bindings\": [ { \"name\": \"b\", \"type\": \"blobTrigger\", \"direction\": \"in\" } ] }", "trigger type 'blobTrigger' is not supported")]
    [InlineData("{ \"bindings\": [ { \"name\": \"req\", \"type\": \"httpTrigger\", \"direction\": \"in\" } ] }", "exactly one httpTrigger in and one http out")]
    [InlineData("{ \"bindings\": [ { \"name\": \"req\", \"type\": \"httpTrigger\", \"direction\": \"in\" }, { \"name\": \"res\", \"type\": \"http\", \"direction\": \"out\" }, { \"name\": \"q\", \"type\": \"queue\", \"direction\": \"out\" } ] }", "exactly one httpTrigger in and one http out")]
    public void RefusesAFunctionJsonItCannotRun(string functionJson, string expected)
    {
        Write("host.json", HostJson);
        Write("Broken/function.json", functionJson);

        var refused = Assert.Throws<InvalidOperationException>(() => FunctionManifest.Load(root.FullName));

        Assert.Contains(Path.Combine("Broken", "function.json"), refused.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheMissingFunctionWhenAskedForOne()
    {
        Write("host.json", HostJson);

        var missing = Assert.Throws<KeyNotFoundException>(() => FunctionManifest.Load(root.FullName)["Nope"]);

        Assert.Equal("No function.json defines a function named 'Nope'.", missing.Message);
    }

    public void Dispose() => root.Delete(recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
