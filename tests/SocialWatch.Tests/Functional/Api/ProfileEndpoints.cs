using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

public sealed class ProfileEndpoints(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task CreatesReadsReplacesAndDeletesAProfile()
    {
        var id = await Client.CreateBusinessAsync();

        var created = await Client.SendAsync(HttpMethod.Post, $"/api/businesses/{id}/profiles", ApiHost.AdminKey, ApiScenario.Profile("google-business", "rose"));
        var profile = await created.OkJsonAsync(HttpStatusCode.Created);
        var profileId = (string)profile["id"]!;
        Assert.Matches("^[0-9a-f]{32}$", profileId);
        Assert.Equal($"/api/businesses/{id}/profiles/{profileId}", created.Headers.Location?.ToString());
        Assert.Equal("google-business", (string)profile["network"]!);

        var read = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles/{profileId}", ApiHost.AdminKey);
        Assert.Equal(created.ETag(), read.ETag());

        var change = ApiScenario.Profile("google-business", "rose-paris");
        change.Remove("feedUrl");
        var replaced = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/profiles/{profileId}", ApiHost.AdminKey, change, ifMatch: read.ETag());
        var after = await replaced.OkJsonAsync();
        Assert.Equal("rose-paris", (string)after["handle"]!);
        Assert.Null(after["feedUrl"]);
        Assert.Equal((string)profile["createdAt"]!, (string)after["createdAt"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{id}/profiles/{profileId}", ApiHost.AdminKey, ifMatch: replaced.ETag())).StatusCode);
        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles/{profileId}", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListsTheBusinesssProfilesOldestFirst()
    {
        var id = await Client.CreateBusinessAsync();
        var ids = new List<string>();
        foreach (var network in new[] { "x", "bluesky", "blog", "other" })
        {
            ids.Add(await Client.CreateProfileAsync(id, ApiScenario.Profile(network)));
        }

        var page = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles", ApiHost.AdminKey)).OkJsonAsync();

        Assert.Equal(ids, ((JsonArray)page["items"]!).Select(p => (string)p!["id"]!));
        Assert.Null(page["continuation"]);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-profile-id")]
    public async Task AnswersAnUnknownProfileWith404(string profileId)
    {
        var id = await Client.CreateBusinessAsync();

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            Assert.Equal(["profileId"], (await (await Client.SendAsync(method, $"/api/businesses/{id}/profiles/{profileId}", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound)).Keys);
        }

        Assert.Equal(["profileId"], (await (await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/profiles/{profileId}", ApiHost.AdminKey, ApiScenario.Profile())).ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Empty((JsonArray)(await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles", ApiHost.AdminKey)).OkJsonAsync())["items"]!);
    }
}
