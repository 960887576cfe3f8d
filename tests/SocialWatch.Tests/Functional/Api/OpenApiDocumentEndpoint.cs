using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Functions.Hosting;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

public sealed class OpenApiDocumentEndpoint(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<JsonNode> DocumentAsync() => await (await host.Client.SendAsync(HttpMethod.Get, "/api/openapi.json", null)).OkJsonAsync();

    [Fact]
    public async Task DescribesEveryHttpFunctionAtItsRouteAndMethod()
    {
        var document = await DocumentAsync();
        var manifest = FunctionManifest.Load(AppContext.BaseDirectory);

        Assert.StartsWith("3.", (string)document["openapi"]!, StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        foreach (var function in manifest.Functions.Values.Where(f => f.Kind == TriggerKind.Http && f.Name != "GetOpenApiDocument"))
        {
            var operations = paths[$"/api/{function.Route}"]?.AsObject();
            Assert.True(operations is not null, $"{function.Name}: /api/{function.Route} is not described");
            Assert.Equal(function.Name, (string?)operations[function.Methods[0].ToLowerInvariant()]?["operationId"]);
        }
    }

    [Fact]
    public async Task DeclaresTheKeyHeaderAndWhichOperationsNeedIt()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["apiKey"]!;
        Assert.Equal("header", (string)scheme["in"]!);
        Assert.Equal("x-api-key", (string)scheme["name"]!);
        Assert.NotNull(document["paths"]!["/api/businesses/{businessId}/plan"]!["get"]!["security"]);
        Assert.Null(document["paths"]!["/api/health"]!["get"]!["security"]);
    }

    [Fact]
    public async Task OffersTheSignInLinkForReadsOfOneBusinessOnly()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!;

        var scheme = document["components"]!["securitySchemes"]!["signInLink"]!;
        Assert.Equal("http", (string)scheme["type"]!);
        Assert.Equal("SocialWatch-Link", (string)scheme["scheme"]!);
        Assert.Equal(["apiKey", "signInLink"], Schemes(paths["/api/businesses/{businessId}/plan"]!["get"]!));
        Assert.Equal(["apiKey"], Schemes(paths["/api/businesses/{businessId}/plan"]!["put"]!));
        Assert.Equal(["apiKey"], Schemes(paths["/api/businesses/{businessId}/keys"]!["get"]!));
        Assert.Equal(["apiKey"], Schemes(paths["/api/businesses"]!["get"]!));
    }

    /// <summary>The alternatives an operation accepts, one scheme name per security requirement.</summary>
    private static string[] Schemes(JsonNode operation) =>
        [.. operation["security"]!.AsArray().SelectMany(requirement => requirement!.AsObject().Select(p => p.Key))];

    [Fact]
    public async Task DescribesBodiesPreconditionsAndProblems()
    {
        var savePlan = (await DocumentAsync())["paths"]!["/api/businesses/{businessId}/plan"]!["put"]!;

        var schema = savePlan["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Contains("networks", ((JsonArray)schema["required"]!).Select(r => (string)r!));
        Assert.Contains("If-Match", ((JsonArray)savePlan["parameters"]!).Select(p => (string)p!["name"]!));
        var responses = savePlan["responses"]!.AsObject().Select(r => r.Key).ToArray();
        Assert.Equal(["200", "201", "400", "401", "403", "404", "412", "413", "415"], responses.Order(StringComparer.Ordinal));
        Assert.NotNull(savePlan["responses"]!["412"]!["content"]!["application/problem+json"]);
    }

    [Fact]
    public async Task ListsTheClosedSetsOfNetworksAndMetrics()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        Assert.Contains("google-business", ((JsonArray)schemas["Network"]!["enum"]!).Select(n => (string?)n));
        Assert.Contains("website-visits-from-social", ((JsonArray)schemas["GoalMetric"]!["enum"]!).Select(n => (string?)n));
    }

    [Fact]
    public async Task DescribesTheSeriesWithItsMetricQuery()
    {
        var series = (await DocumentAsync())["paths"]!["/api/businesses/{businessId}/series"]!["get"]!;

        var metric = ((JsonArray)series["parameters"]!).Single(p => (string)p!["name"]! == "metric")!;
        Assert.Equal("query", (string)metric["in"]!);
        Assert.NotNull(series["security"]);
    }

    [Fact]
    public async Task AnswersAsJson()
    {
        var response = await host.Client.SendAsync(HttpMethod.Get, "/api/openapi.json", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
