using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>Who may call what: the admin key, a business's owner and read keys, and callers without a valid key.</summary>
public sealed class ApiKeyAccess(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("test-admin-key-0123456789abcdefghijklmnopqrstuvwxy")]
    [InlineData("swk.rose-bakery.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnswersAMissingOrInvalidKeyWith401Problem(string? key)
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/api/businesses", key);

        var errors = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(["x-api-key"], errors.Keys);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AcceptsTheKeyAsABearerToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/businesses");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.AdminKey);

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusesTwoKeyHeadersAsAmbiguous()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/businesses");
        request.Headers.Add("x-api-key", [ApiHost.AdminKey, ApiHost.AdminKey]);

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/openapi.json")]
    public async Task ServesHealthAndTheOpenApiDocumentWithoutAKey(string path)
    {
        var response = await Client.SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LetsAReadKeyReadItsBusinessButNotChangeIt()
    {
        var id = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(id);
        var profileId = await Client.CreateProfileAsync(id);
        var readKey = await Client.IssueKeyAsync(id, "read");
        var before = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", readKey)).OkJsonAsync();

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", readKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles", readKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles/{profileId}", readKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles/{profileId}/collection", readKey)).StatusCode);
        var writes = new (HttpMethod Method, string Path, JsonNode? Body)[]
        {
            (HttpMethod.Put, $"/api/businesses/{id}", ApiScenario.Business(id, "Taken over")),
            (HttpMethod.Delete, $"/api/businesses/{id}", null),
            (HttpMethod.Put, $"/api/businesses/{id}/plan", ApiScenario.Plan()),
            (HttpMethod.Post, $"/api/businesses/{id}/profiles", ApiScenario.Profile("x")),
            (HttpMethod.Put, $"/api/businesses/{id}/profiles/{profileId}", ApiScenario.Profile("x")),
            (HttpMethod.Delete, $"/api/businesses/{id}/profiles/{profileId}", null),
        };
        foreach (var (method, path, body) in writes)
        {
            var errors = await (await Client.SendAsync(method, path, readKey, body)).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(["x-api-key"], errors.Keys);
        }

        var after = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", readKey)).OkJsonAsync();
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", ApiHost.AdminKey)).StatusCode);
    }

    [Fact]
    public async Task LetsAnOwnerKeyChangeItsBusiness()
    {
        var id = await Client.CreateBusinessAsync();
        var ownerKey = await Client.IssueKeyAsync(id, "owner");

        var plan = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/plan", ownerKey, ApiScenario.Plan());
        var profile = await Client.SendAsync(HttpMethod.Post, $"/api/businesses/{id}/profiles", ownerKey, ApiScenario.Profile());
        var business = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}", ownerKey, ApiScenario.Business(id, "Renamed by its owner"));

        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Created, profile.StatusCode);
        Assert.Equal("Renamed by its owner", (string)(await business.OkJsonAsync())["name"]!);
    }

    [Fact]
    public async Task KeepsBusinessListingCreationAndKeysToTheAdmin()
    {
        var id = await Client.CreateBusinessAsync();
        var ownerKey = await Client.IssueKeyAsync(id, "owner");
        var adminOnly = new (HttpMethod Method, string Path, JsonNode? Body)[]
        {
            (HttpMethod.Get, "/api/businesses", null),
            (HttpMethod.Post, "/api/businesses", ApiScenario.Business("made-by-owner")),
            (HttpMethod.Get, $"/api/businesses/{id}/keys", null),
            (HttpMethod.Post, $"/api/businesses/{id}/keys", new JsonObject { ["role"] = "owner", ["label"] = "escalation" }),
            (HttpMethod.Delete, $"/api/businesses/{id}/keys/0123456789abcdef", null),
        };

        foreach (var (method, path, body) in adminOnly)
        {
            await (await Client.SendAsync(method, path, ownerKey, body)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await Client.SendAsync(HttpMethod.Get, "/api/businesses/made-by-owner", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((JsonArray)(await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/keys", ApiHost.AdminKey)).OkJsonAsync())["items"]!);
    }
}
