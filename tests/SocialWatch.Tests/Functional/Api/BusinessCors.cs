using System.Net;
using SocialWatch.Functions.Api;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>
/// CORS per business, through the host (preflights are answered by worker middleware as the invocation's result): a business's listed origins may read its API with the key header; any other origin,
/// and any write, gets no grant. (ApiScenario's business lists https://rose-bakery.example.)
/// </summary>
public sealed class BusinessCors(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Listed = "https://rose-bakery.example";
    private const string NotListed = "https://elsewhere.example";

    [Fact]
    public async Task GrantsAListedOriginItsReadsAndNothingElse()
    {
        var client = host.Client;
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

    [Fact]
    public async Task AnswersAPreflightForAListedOriginWithTheGrant()
    {
        var client = host.Client;
        var id = await client.CreateBusinessAsync();

        using var preflight = await PreflightAsync(client, $"/api/businesses/{id}/plan", Listed, "GET", "x-api-key");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Listed, Single(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("GET", Single(preflight, "Access-Control-Allow-Methods"));
        Assert.Equal(ApiKeys.ApiKeyHeader, Single(preflight, "Access-Control-Allow-Headers"));
        Assert.Equal(((int)SocialWatch.Functions.Api.BusinessCors.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), Single(preflight, "Access-Control-Max-Age"));
    }

    [Theory]
    [InlineData(NotListed, "GET", "x-api-key")]
    [InlineData(Listed, "PUT", "x-api-key")]
    [InlineData(Listed, "DELETE", "")]
    [InlineData(Listed, "GET", "x-api-key, authorization")]
    public async Task AnswersOtherPreflightsWithoutAGrant(string origin, string method, string headers)
    {
        var id = await host.Client.CreateBusinessAsync();

        using var preflight = await PreflightAsync(host.Client, $"/api/businesses/{id}/plan", origin, method, headers);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task GrantsNothingForABusinessThatDoesNotExist()
    {
        using var preflight = await PreflightAsync(host.Client, "/api/businesses/no-such-business/plan", Listed, "GET", "x-api-key");
        using var read = await ReadAsync(host.Client, "/api/businesses/no-such-business/plan", Listed, ApiHost.AdminKey);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task LetsAListedOriginSeeRefusalsAndMissingEndpoints()
    {
        var id = await host.Client.CreateBusinessAsync();

        // A page must be able to tell a bad key (401) or an endpoint not deployed (404) from a network failure.
        using var badKey = await ReadAsync(host.Client, $"/api/businesses/{id}/plan", Listed, "swk.not-a-key");
        using var missing = await ReadAsync(host.Client, $"/api/businesses/{id}/no-such-endpoint", Listed, ApiHost.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);
        Assert.Equal(Listed, Single(badKey, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(Listed, Single(missing, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task FollowsAChangeOfTheAllowedOrigins()
    {
        var id = await host.Client.CreateBusinessAsync();
        var changed = ApiScenario.Business(id);
        changed["allowedOrigins"] = new System.Text.Json.Nodes.JsonArray(NotListed);
        Assert.True((await host.Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}", ApiHost.AdminKey, changed)).IsSuccessStatusCode);

        using var formerlyListed = await PreflightAsync(host.Client, $"/api/businesses/{id}/plan", Listed, "GET", "x-api-key");
        using var nowListed = await PreflightAsync(host.Client, $"/api/businesses/{id}/plan", NotListed, "GET", "x-api-key");

        Assert.False(formerlyListed.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(NotListed, Single(nowListed, "Access-Control-Allow-Origin"));
    }


    private static async Task<HttpResponseMessage> ReadAsync(HttpClient client, string path, string origin, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add(ApiKeys.ApiKeyHeader, key);
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
