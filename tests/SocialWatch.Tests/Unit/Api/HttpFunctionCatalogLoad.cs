using SocialWatch.Functions;
using SocialWatch.Functions.Api;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Api;

/// <summary>The HTTP functions as their declarations say, which the key check, CORS, locations and OpenAPI work from.</summary>
public sealed class HttpFunctionCatalogLoad
{
    private static readonly HttpFunctionCatalog Catalog = HttpFunctionCatalog.Load(typeof(SocialWatchServices).Assembly, AppHost.WorkerDirectory);

    [Fact]
    public void ReadsRoutesMethodsAndCallersFromTheFunctionsThemselves()
    {
        var savePlan = Catalog.Find(nameof(SavePlan))!;

        Assert.Equal("api", Catalog.RoutePrefix);
        Assert.Equal("businesses/{businessId}/plan", savePlan.Route);
        Assert.Equal(["PUT"], savePlan.Methods);
        Assert.Equal(ApiCaller.TenantWrite, savePlan.Caller);
        Assert.Equal(ApiCaller.Anyone, Catalog.Find(nameof(GetHealth))!.Caller);
    }

    [Fact]
    public void KnowsEveryHttpFunctionAndNoOther()
    {
        var generated = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppHost.WorkerDirectory, "functions.metadata")))!.AsArray()
            .Where(f => f!["bindings"]!.AsArray().Any(b => (string?)b!["type"] == "httpTrigger"))
            .Select(f => (string)f!["name"]!);

        Assert.Equal(generated.Order(StringComparer.Ordinal), Catalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryKeyedFunctionDeclaresItsCallersAndOnlyDeclaredOnesAreOpen()
    {
        Assert.All(Catalog.Functions, f => Assert.NotNull(f.Access));
        Assert.Equal(
            ["AnswerMissingEndpoint", "GetDashboard", "GetDashboardAsset", "GetHealth", "GetOpenApiDocument", "GetWidget"],
            Catalog.Functions.Where(f => f.Caller == ApiCaller.Anyone).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FillsARoutesParametersEscapedForALocation()
    {
        Assert.Equal("/api/businesses/b%201/profiles/p%2F2", Catalog.PathOf(nameof(GetProfile), new { businessId = "b 1", profileId = "p/2" }));
        Assert.Throws<ArgumentException>(() => Catalog.PathOf(nameof(GetProfile), new { businessId = "b" }));
    }

    [Fact]
    public void FailsClosedForAFunctionThatDeclaresNoCallers()
    {
        var undeclared = new HttpFunction("Undeclared", typeof(HttpFunctionCatalogLoad).GetMethod(nameof(FailsClosedForAFunctionThatDeclaresNoCallers))!, "undeclared", ["GET"], null);

        Assert.Equal(ApiCaller.Admin, undeclared.Caller);
    }
}
