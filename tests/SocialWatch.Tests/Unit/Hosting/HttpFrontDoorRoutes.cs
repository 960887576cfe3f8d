using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Http;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>
/// The front door's routes as ASP.NET Core routing matches them (route prefix, constraints, optional and catch-all values,
/// 404 and 405 as problem+json), and the trigger metadata the matched request gives the invocation: route values as strings,
/// Query and Headers as JSON.
/// </summary>
public sealed class HttpFrontDoorRoutes : IAsyncLifetime
{
    private WebApplication? app;

    private HttpClient Client => app!.GetTestClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        app = builder.Build();
        app.UseStatusCodePages();
        app.UseRouting();
        Function[] functions =
        [
            new("Hello", "hello/{name}/{count:int?}", "get"),
            new("GetItem", "items/{id:guid}", "get", "delete"),
            new("GetFile", "files/{*path}"),
            new("Plain", null, "post"),
        ];
        ((IEndpointRouteBuilder)app).DataSources.Add(new DefaultEndpointDataSource(functions.Select(f => FunctionEndpoints.Build(FunctionEndpoints.Pattern("api", f.Worker), f.Worker, EchoAsync))));
        await app.StartAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task GivesRouteValuesAsStrings()
    {
        var seen = await EchoedAsync("/api/hello/ann/3");

        Assert.Equal("Hello", seen.Function);
        Assert.Equal("ann", seen.Strings["name"]);
        Assert.Equal("3", seen.Strings["count"]);
    }

    [Fact]
    public async Task LeavesOutAnOptionalValueNotInTheUrl()
    {
        var seen = await EchoedAsync("/api/hello/ann");

        Assert.Equal(["name"], seen.Strings.Keys);
    }

    [Fact]
    public async Task GivesTheRestOfThePathToACatchAllValue()
    {
        var seen = await EchoedAsync("/api/files/reports/2025/march.csv");

        Assert.Equal("reports/2025/march.csv", seen.Strings["path"]);
    }

    [Fact]
    public async Task RoutesAFunctionWithoutARouteByItsName()
    {
        using var response = await Client.PostAsync(new Uri("/api/plain", UriKind.Relative), null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Plain", (await response.Content.ReadFromJsonAsync<Echo>(Cancel))!.Function);
    }

    [Fact]
    public async Task GivesQueryAndHeadersAsJsonObjects()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/5f0c2b7e-54a4-4c7b-a1e4-8f6b0c3f1a2d?limit=5&tag=a&tag=b");
        request.Headers.Add("X-Business", "b-1");

        var seen = await EchoedAsync(request);

        Assert.Equal("5f0c2b7e-54a4-4c7b-a1e4-8f6b0c3f1a2d", seen.Strings["id"]);
        Assert.Equal("""{"limit":"5","tag":"a,b"}""", seen.Json["Query"]);
        var headers = JsonNode.Parse(seen.Json["Headers"])!.AsObject();
        Assert.Equal("b-1", headers["X-Business"]!.GetValue<string>());
        Assert.Equal("localhost", headers["Host"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/hello/ann/three")]
    [InlineData("/api/items/not-a-guid")]
    [InlineData("/hello/ann")]
    [InlineData("/api/nothing-here")]
    public async Task AnswersNotFoundAsProblemJson(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnswersMethodNotAllowedWithTheMethodsTheRouteTakes()
    {
        using var response = await Client.PutAsync(new Uri("/api/items/5f0c2b7e-54a4-4c7b-a1e4-8f6b0c3f1a2d", UriKind.Relative), null, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["DELETE", "GET"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Task EchoAsync(HttpContext context)
    {
        var function = context.GetEndpoint()!.Metadata.GetRequiredMetadata<HttpFunctionMetadata>().FunctionName;
        var invocation = HttpTriggerData.Invocation(function, context.Request);
        Assert.Equal(TypedData.DataOneofCase.Http, invocation.Input.DataCase);
        Assert.Equal(new RpcHttp(), invocation.Input.Http);
        return context.Response.WriteAsJsonAsync(new Echo(
            invocation.FunctionName,
            invocation.TriggerMetadata.Where(p => p.Value.DataCase == TypedData.DataOneofCase.String).ToDictionary(p => p.Key, p => p.Value.String),
            invocation.TriggerMetadata.Where(p => p.Value.DataCase == TypedData.DataOneofCase.Json).ToDictionary(p => p.Key, p => p.Value.Json)));
    }

    private Task<Echo> EchoedAsync(string path) => EchoedAsync(new HttpRequestMessage(HttpMethod.Get, path));

    private async Task<Echo> EchoedAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Echo>(JsonSerializerOptions.Web, Cancel))!;
        }
    }

    private sealed record Echo(string Function, Dictionary<string, string> Strings, Dictionary<string, string> Json);

    /// <summary>An HTTP function as the worker declares it.</summary>
    private sealed record Function(string Name, string? Route, params string[] Methods)
    {
        public WorkerFunction Worker
        {
            get
            {
                var trigger = new JsonObject { ["name"] = "req", ["direction"] = "In", ["type"] = "httpTrigger", ["authLevel"] = "Anonymous", ["methods"] = new JsonArray([.. Methods.Select(m => JsonValue.Create(m))]) };
                if (Route is not null)
                {
                    trigger["route"] = Route;
                }

                if (Methods.Length == 0)
                {
                    trigger.Remove("methods");
                }

                var metadata = new RpcFunctionMetadata { Name = Name, FunctionId = Name };
                metadata.RawBindings.Add(trigger.ToJsonString());
                metadata.RawBindings.Add("""{"name":"$return","type":"http","direction":"Out"}""");
                return WorkerFunction.From(metadata);
            }
        }
    }
}
