using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>Issuing, listing, rotating and revoking a business's keys.</summary>
public sealed class ApiKeyLifecycle(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task ShowsTheSecretOnceAndListsKeysWithoutIt()
    {
        var id = await Client.CreateBusinessAsync();

        var issued = await (await Client.SendAsync(HttpMethod.Post, $"/api/businesses/{id}/keys", ApiHost.AdminKey, new JsonObject { ["role"] = "read", ["label"] = "website widget" }))
            .OkJsonAsync(HttpStatusCode.Created);
        var listed = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/keys", ApiHost.AdminKey)).OkJsonAsync();

        Assert.StartsWith($"swk.{id}.{issued["keyId"]}.", (string)issued["key"]!, StringComparison.Ordinal);
        Assert.Equal("read", (string)issued["role"]!);
        var item = Assert.Single((JsonArray)listed["items"]!)!.AsObject();
        Assert.Equal(["keyId", "role", "label", "createdAt"], item.Select(p => p.Key));
        Assert.DoesNotContain((string)issued["key"]!, listed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatesAKeyByIssuingANewOneAndRevokingTheOld()
    {
        var id = await Client.CreateBusinessAsync();
        var old = await Client.IssueKeyAsync(id, "owner");
        var oldId = old.Split('.')[2];

        var fresh = await Client.IssueKeyAsync(id, "owner");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", fresh)).StatusCode);

        var revoked = await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{id}/keys/{oldId}", ApiHost.AdminKey);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", old)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", fresh)).StatusCode);
        var listed = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/keys", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal(fresh.Split('.')[2], (string)Assert.Single((JsonArray)listed["items"]!)!["keyId"]!);
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("not-a-key-id")]
    public async Task AnswersRevokingAnUnknownKeyWith404(string keyId)
    {
        var id = await Client.CreateBusinessAsync();

        var errors = await (await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{id}/keys/{keyId}", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["keyId"], errors.Keys);
    }

    [Fact]
    public async Task StopsAcceptingTheKeysOfADeletedBusiness()
    {
        var id = await Client.CreateBusinessAsync();
        var key = await Client.IssueKeyAsync(id, "owner");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{id}", ApiHost.AdminKey)).StatusCode);

        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", key)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesAKeyWithoutRoleOrLabelAndIssuesNothing()
    {
        var id = await Client.CreateBusinessAsync();

        var errors = await (await Client.SendAsync(HttpMethod.Post, $"/api/businesses/{id}/keys", ApiHost.AdminKey, new JsonObject { ["role"] = "superuser" })).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await Client.SendAsync(HttpMethod.Post, $"/api/businesses/{id}/keys", ApiHost.AdminKey, new JsonObject())).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["role"], errors.Keys);
        Assert.Equal(["label", "role"], missing.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((JsonArray)(await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/keys", ApiHost.AdminKey)).OkJsonAsync())["items"]!);
    }
}
