using System.Text.Json.Nodes;
using NJsonSchema.Validation;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

public sealed class FunctionJsonSchema
{
    public static TheoryData<string> FunctionFiles => new(AppFiles.FunctionJsonFiles().Select(AppFiles.Relative));

    [Theory]
    [MemberData(nameof(FunctionFiles))]
    public async Task AcceptsFunctionJson(string functionJson)
    {
        var schema = await Draft07Schema.LoadAsync("function.schema.json");

        var errors = schema.Validate(await File.ReadAllTextAsync(RepositoryRoot.Combine(functionJson), TestContext.Current.CancellationToken));

        Assert.True(errors.Count == 0, $"{functionJson} does not match function.schema.json:{Environment.NewLine}{Draft07Schema.Describe(errors)}");
    }

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
