using System.Text.Json.Nodes;
using NJsonSchema.Validation;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>
/// The bindings the SDK generated from the [Function] declarations (functions.metadata, what the Functions host loads) are
/// valid function.json bindings: the host reads each function's bindings as it would read its function.json.
/// </summary>
public sealed class FunctionJsonSchema
{
    private static readonly string[] CaseInsensitiveValues = ["direction", "authLevel", "dataType"];

    public static TheoryData<string> Functions => new(GeneratedMetadata().Select(f => (string)f["name"]!));

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task AcceptsTheGeneratedBindings(string function)
    {
        var schema = await Draft07Schema.LoadAsync("function.schema.json");
        var generated = GeneratedMetadata().Single(f => (string)f["name"]! == function);

        var errors = schema.Validate(new JsonObject { ["bindings"] = AsFunctionJson(generated["bindings"]!.AsArray()) }.ToJsonString());

        Assert.True(errors.Count == 0, $"{function}'s generated bindings do not match function.schema.json:{Environment.NewLine}{Draft07Schema.Describe(errors)}");
    }

    /// <summary>
    /// The bindings as a function.json would spell them: the SDK writes enum values in PascalCase ("In", "Anonymous",
    /// "String"), which the host reads ignoring case and the schema lists in lowercase; everything else is compared as generated.
    /// </summary>
    private static JsonArray AsFunctionJson(JsonArray bindings)
    {
        var copy = bindings.DeepClone().AsArray();
        foreach (var binding in copy.Select(b => b!.AsObject()))
        {
            foreach (var key in CaseInsensitiveValues.Where(binding.ContainsKey))
            {
                binding[key] = ((string)binding[key]!).ToLowerInvariant();
            }
        }

        return copy;
    }

    private static IEnumerable<JsonNode> GeneratedMetadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppHost.WorkerDirectory, "functions.metadata")))!.AsArray().Select(f => f!);

    [Fact]
    public async Task RejectsBindingThatBreaksConst()
    {
        var schema = await Draft07Schema.LoadAsync("function.schema.json");

        // Only the schema's third sql branch admits type "sql" with a direction other than "in", and it requires "direction": {"const": "out"}.
        var errors = schema.Validate(SqlBinding("inout"));

        Assert.Contains(Draft07Schema.AllErrors(errors), e => e.Path == "#/bindings[0].direction" && e.Kind == ValidationErrorKind.NotInEnumeration);
    }

    [Fact]
    public async Task AcceptsBindingThatMeetsConst()
    {
        var schema = await Draft07Schema.LoadAsync("function.schema.json");

        var errors = schema.Validate(SqlBinding("out"));

        Assert.True(errors.Count == 0, Draft07Schema.Describe(errors));
    }

    private static string SqlBinding(string direction) => new JsonObject
    {
        ["bindings"] = new JsonArray(new JsonObject
        {
            ["type"] = "sql",
            ["direction"] = direction,
            ["name"] = "rows",
            ["commandText"] = "dbo.Rows",
            ["connectionStringSetting"] = "SqlConnection",
        }),
    }.ToJsonString();
}
