using System.Text.Json.Nodes;

namespace SocialWatch.Tests.Infra;

/// <summary>infra/main.bicep compiled once to ARM JSON (modules become nested deployments) for the tests that read it.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    public BicepResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public JsonObject Template { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Build = await BicepCli.RunAsync(["build", BicepCli.Infra("main.bicep"), "--stdout"]);
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(Build.Output)!.AsObject();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Every resource the template and its modules deploy (references to existing ones left out).</summary>
    public IEnumerable<JsonObject> Resources() => ResourcesOf(Template).Where(resource => resource["existing"] is null || !(bool)resource["existing"]!);

    public IEnumerable<JsonObject> ResourcesOf(string type) =>
        Resources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = ResourcesOf(type).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The template of the module deployed under this name.</summary>
    public JsonObject Module(string name) =>
        ResourcesOf("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name)["properties"]!["template"]!.AsObject();

    /// <summary>languageVersion 2.0 templates key resources by symbolic name; older ones list them.</summary>
    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (string.Equals((string?)resource["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
