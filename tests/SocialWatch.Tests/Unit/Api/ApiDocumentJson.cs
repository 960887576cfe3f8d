using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SocialWatch.Functions;
using SocialWatch.Functions.Api;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Api;

/// <summary>
/// The OpenAPI document as the worker serves it (GET /api/openapi.json), made in process from the app's own services and
/// the HTTP functions' declarations in the worker's build (its host.json gives the route prefix): no host, no storage.
/// </summary>
public sealed class ApiDocumentJson
{
    private static readonly Lazy<ServiceProvider> App = new(() => TestStorage.AppServices(
        new Dictionary<string, string?> { ["FUNCTIONS_APPLICATION_DIRECTORY"] = AppHost.WorkerDirectory },
        services => services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            ApplicationName = typeof(SocialWatchServices).Assembly.GetName().Name!,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppHost.WorkerDirectory,
        })));

    private static HttpFunctionCatalog Catalog => App.Value.GetRequiredService<HttpFunctionCatalog>();

    private static async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await App.Value.GetRequiredService<ApiDocument>().JsonAsync(TestContext.Current.CancellationToken))!.AsObject();

    [Fact]
    public async Task DescribesEveryHttpFunctionAtItsRouteAndMethods()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.1.", (string)document["openapi"]!, StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();
        Assert.NotEmpty(Catalog.Functions);
        foreach (var function in Catalog.Functions.Where(HttpFunctionApiDescriptions.IsDocumented))
        {
            var operations = paths[$"/api/{function.Route}"]?.AsObject();
            Assert.True(operations is not null, $"{function.Name}: /api/{function.Route} is not described");
            foreach (var method in function.Methods.Where(m => m != "OPTIONS"))
            {
                Assert.Equal(function.Name, (string?)operations[method.ToLowerInvariant()]?["operationId"]);
            }
        }
    }

    [Fact]
    public async Task LeavesOutTheCorsPreflights()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        Assert.Contains(Catalog.Functions, f => f.Methods.Contains("OPTIONS"));
        Assert.All(paths, path => Assert.False(path.Value!.AsObject().ContainsKey("options"), $"{path.Key} describes OPTIONS"));
    }

    [Fact]
    public async Task LeavesOutTheUndocumentedFallback()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        var fallback = Catalog.Find(nameof(AnswerMissingEndpoint))!;
        Assert.False(HttpFunctionApiDescriptions.IsDocumented(fallback));
        Assert.DoesNotContain(paths, path => path.Key.StartsWith("/api/businesses/{businessId}/{path", StringComparison.Ordinal));
        Assert.DoesNotContain(paths.SelectMany(p => p.Value!.AsObject()), operation => (string?)operation.Value!["operationId"] == nameof(AnswerMissingEndpoint));
    }

    [Fact]
    public async Task DeclaresTheKeyHeaderAndWhichOperationsNeedIt()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["apiKey"]!;
        Assert.Equal("apiKey", (string)scheme["type"]!);
        Assert.Equal("header", (string)scheme["in"]!);
        Assert.Equal("x-api-key", (string)scheme["name"]!);
        Assert.NotNull(document["paths"]!["/api/businesses/{businessId}/plan"]!["get"]!["security"]);
        Assert.Null(document["paths"]!["/api/health"]!["get"]!["security"]);
        foreach (var function in Catalog.Functions.Where(HttpFunctionApiDescriptions.IsDocumented))
        {
            var operation = Operation(document, function);
            Assert.True((function.Caller == ApiCaller.Anyone) == (operation["security"] is null), $"{function.Name}: security does not follow its key rule");
        }
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

    [Fact]
    public async Task DescribesBodiesPreconditionsAndProblems()
    {
        var document = await DocumentAsync();
        var savePlan = document["paths"]!["/api/businesses/{businessId}/plan"]!["put"]!;

        var body = savePlan["requestBody"]!;
        Assert.True((bool)body["required"]!);
        var schema = Resolve(document, body["content"]!["application/json"]!["schema"]!);
        Assert.Contains("networks", ((JsonArray)schema["required"]!).Select(r => (string)r!));
        var ifMatch = ((JsonArray)savePlan["parameters"]!).Single(p => (string)p!["name"]! == "If-Match")!;
        Assert.Equal("header", (string)ifMatch["in"]!);
        var responses = savePlan["responses"]!.AsObject().Select(r => r.Key).ToArray();
        Assert.Equal(["200", "201", "400", "401", "403", "404", "412", "413", "415"], responses.Order(StringComparer.Ordinal));
        var problem = savePlan["responses"]!["412"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", (string)problem["$ref"]!);
        Assert.NotNull(Resolve(document, problem)["properties"]!["errors"]);
    }

    [Fact]
    public async Task DescribesTheKeyRuleProblemsOfEveryKeyedOperation()
    {
        var document = await DocumentAsync();

        Assert.Equal(["201", "400", "401", "403", "409", "413", "415"], Responses(document, "/api/businesses", "post"));
        Assert.Equal(["201", "400", "401", "403", "404", "409", "413", "415"], Responses(document, "/api/businesses/{businessId}/keys", "post"));
        Assert.Equal(["200", "401", "403"], Responses(document, "/api/businesses", "get"));
        Assert.Equal(["204", "401", "403", "404"], Responses(document, "/api/businesses/{businessId}/keys/{keyId}", "delete"));
        Assert.Equal(["202", "401", "403", "404"], Responses(document, "/api/businesses/{businessId}/snapshots", "post"));
        Assert.Equal(["200"], Responses(document, "/api/health", "get"));
    }

    [Fact]
    public async Task RefersToComponentSchemasOfTheAnswers()
    {
        var document = await DocumentAsync();

        var plan = document["paths"]!["/api/businesses/{businessId}/plan"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/PlanView", (string)plan["$ref"]!);
        var receipt = document["paths"]!["/api/businesses/{businessId}/snapshots"]!["post"]!["responses"]!["202"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/IngestReceipt", (string)receipt["$ref"]!);
        // camelCase, as the app writes its answers.
        Assert.NotNull(document["components"]!["schemas"]!["Plan"]!["properties"]!["nextReviewDate"]);
        var references = Descendants(document).OfType<JsonObject>().Select(o => o["$ref"]).OfType<JsonValue>().Select(r => (string)r!).Distinct().ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.NotNull(Resolve(document, new JsonObject { ["$ref"] = reference })));
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
        Assert.False((bool?)metric["required"] ?? false);
        Assert.False(string.IsNullOrEmpty((string?)metric["description"]));
        var businessId = ((JsonArray)series["parameters"]!).Single(p => (string)p!["name"]! == "businessId")!;
        Assert.Equal("path", (string)businessId["in"]!);
        Assert.True((bool)businessId["required"]!);
        Assert.NotNull(series["security"]);
    }

    [Fact]
    public async Task ConformsToTheOpenApi31Schema()
    {
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(RepositoryRoot.Combine("tests", "SocialWatch.Tests", "Schemas", "openapi-3.1.schema.json"), TestContext.Current.CancellationToken));

        var results = schema.Evaluate(await DocumentAsync(), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join(Environment.NewLine, (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public async Task AnswersAsJson()
    {
        await using var scope = App.Value.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        var function = ActivatorUtilities.CreateInstance<GetOpenApiDocument>(scope.ServiceProvider);

        var result = await function.Run(http.Request, TestContext.Current.CancellationToken);
        await result.ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.Equal("application/json", new System.Net.Mime.ContentType(http.Response.ContentType!).MediaType);
        var body = Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        Assert.Equal("SocialWatch API", (string)JsonNode.Parse(body)!["info"]!["title"]!);
    }

    /// <summary>The alternatives an operation accepts, one scheme name per security requirement.</summary>
    private static string[] Schemes(JsonNode operation) =>
        [.. operation["security"]!.AsArray().SelectMany(requirement => requirement!.AsObject().Select(p => p.Key))];

    private static JsonNode Operation(JsonObject document, HttpFunction function) =>
        document["paths"]![$"/api/{function.Route}"]![function.Methods.First(m => m != "OPTIONS").ToLowerInvariant()]!;

    private static string[] Responses(JsonObject document, string path, string method) =>
        [.. document["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal)];

    /// <summary>The schema itself, or the component a <c>$ref</c> names (#/components/schemas/{name}).</summary>
    private static JsonNode Resolve(JsonObject document, JsonNode schema)
    {
        if (schema["$ref"] is not JsonValue reference)
        {
            return schema;
        }

        const string Prefix = "#/components/schemas/";
        var target = (string)reference!;
        Assert.StartsWith(Prefix, target, StringComparison.Ordinal);
        var component = document["components"]!["schemas"]![target[Prefix.Length..]];
        Assert.True(component is not null, $"{target} is not a component");
        return component;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };
}
