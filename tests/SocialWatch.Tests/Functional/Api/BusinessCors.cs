using System.Net;
using SocialWatch.Functions.Api;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>
/// CORS per business, in both runtimes: a business's listed origins may read its API with the key header; any other origin,
/// and any write, gets no grant. (ApiScenario's business lists https://rose-bakery.example.)
/// </summary>
public sealed class BusinessCors(ApiHost local, CustomHandlerApiHost customHandler) : IClassFixture<ApiHost>, IClassFixture<CustomHandlerApiHost>
{
    private const string Listed = "https://rose-bakery.example";
    private const string NotListed = "https://elsewhere.example";

    public static TheoryData<string> Runtimes => ["local", "custom-handler"];

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task GrantsAListedOriginItsReadsAndNothingElse(string runtime)
    {
        var client = Client(runtime);
        var id = await client.CreateBusinessAsync();
        await client.SavePlanAsync(id);
        var readKey = await client.IssueKeyAsync(id, "read");

        using var listed = await ReadAsync(client, $"/api/businesses/{id}/plan", Listed, readKey);
        using var notListed = await ReadAsync(client, $"/api/businesses/{id}/plan", NotListed, readKey);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(Listed, Single(listed, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", listed.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, notListed.StatusCode);
        Assert.False(notListed.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Contains("Origin", notListed.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task AnswersAPreflightForAListedOriginWithTheGrant(string runtime)
    {
        var client = Client(runtime);
        var id = await client.CreateBusinessAsync();

        using var preflight = await PreflightAsync(client, $"/api/businesses/{id}/plan", Listed, "GET", "x-api-key");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Listed, Single(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("GET", Single(preflight, "Access-Control-Allow-Methods"));
        Assert.Equal(ApiKeyMiddleware.ApiKeyHeader, Single(preflight, "Access-Control-Allow-Headers"));
        Assert.Equal(((int)BusinessCorsMiddleware.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), Single(preflight, "Access-Control-Max-Age"));
    }

    [Theory]
    [InlineData(NotListed, "GET", "x-api-key")]
    [InlineData(Listed, "PUT", "x-api-key")]
    [InlineData(Listed, "DELETE", "")]
    [InlineData(Listed, "GET", "x-api-key, authorization")]
    public async Task AnswersOtherPreflightsWithoutAGrant(string origin, string method, string headers)
    {
        var id = await local.Client.CreateBusinessAsync();

        using var preflight = await PreflightAsync(local.Client, $"/api/businesses/{id}/plan", origin, method, headers);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task GrantsNothingForABusinessThatDoesNotExist()
    {
        using var preflight = await PreflightAsync(local.Client, "/api/businesses/no-such-business/plan", Listed, "GET", "x-api-key");
        using var read = await ReadAsync(local.Client, "/api/businesses/no-such-business/plan", Listed, ApiHost.AdminKey);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task LetsAListedOriginSeeRefusalsAndMissingEndpoints()
    {
        var id = await local.Client.CreateBusinessAsync();

        // A page must be able to tell a bad key (401) or an endpoint not deployed (404) from a network failure.
        using var badKey = await ReadAsync(local.Client, $"/api/businesses/{id}/plan", Listed, "swk.not-a-key");
        using var missing = await ReadAsync(local.Client, $"/api/businesses/{id}/no-such-endpoint", Listed, ApiHost.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);
        Assert.Equal(Listed, Single(badKey, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(Listed, Single(missing, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task FollowsAChangeOfTheAllowedOrigins()
    {
        var id = await local.Client.CreateBusinessAsync();
        var changed = ApiScenario.Business(id);
        changed["allowedOrigins"] = new System.Text.Json.Nodes.JsonArray(NotListed);
        Assert.True((await local.Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}", ApiHost.AdminKey, changed)).IsSuccessStatusCode);

        using var formerlyListed = await PreflightAsync(local.Client, $"/api/businesses/{id}/plan", Listed, "GET", "x-api-key");
        using var nowListed = await PreflightAsync(local.Client, $"/api/businesses/{id}/plan", NotListed, "GET", "x-api-key");

        Assert.False(formerlyListed.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(NotListed, Single(nowListed, "Access-Control-Allow-Origin"));
    }

    private HttpClient Client(string runtime) => runtime == "local" ? local.Client : customHandler.Client;

    private static async Task<HttpResponseMessage> ReadAsync(HttpClient client, string path, string origin, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add(ApiKeyMiddleware.ApiKeyHeader, key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers.Length > 0)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
