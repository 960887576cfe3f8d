using System.Text.Json.Nodes;
using NJsonSchema.Validation;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

public sealed class HostJsonSchema
{
    [Fact]
    public async Task AcceptsHostJson()
    {
        var schema = await Draft07Schema.LoadAsync("host.schema.json");

        var errors = schema.Validate(await File.ReadAllTextAsync(RepositoryRoot.Combine("host.json"), TestContext.Current.CancellationToken));

        Assert.True(errors.Count == 0, $"host.json does not match host.schema.json:{Environment.NewLine}{Draft07Schema.Describe(errors)}");
    }

    [Fact]
    public async Task RejectsVersionOtherThanConst()
    {
        var schema = await Draft07Schema.LoadAsync("host.schema.json");
        var host = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("host.json"), TestContext.Current.CancellationToken))!;
        host["version"] = "3.0";

        var errors = schema.Validate(host.ToJsonString());

        // host.json's schema is a oneOf (version 1 or 2 layout): the const sits in the version 2 branch.
        Assert.Contains(Draft07Schema.AllErrors(errors), e => e.Path == "#/version" && e.Kind == ValidationErrorKind.NotInEnumeration);
    }
}
