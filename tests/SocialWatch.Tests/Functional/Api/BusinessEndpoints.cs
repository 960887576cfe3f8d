using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

public sealed class BusinessEndpoints(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task CreatesABusinessWithLocationAndETag()
    {
        var created = await Client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, ApiScenario.Business("rose-bakery"));

        var body = await created.OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/businesses/rose-bakery", created.Headers.Location?.ToString());
        Assert.Equal("rose-bakery", (string)body["id"]!);
        Assert.Equal("Europe/Paris", (string)body["timeZone"]!);
        Assert.Equal("ann@rose-bakery.example", (string)body["owner"]!["email"]!);
        var read = await Client.SendAsync(HttpMethod.Get, "/api/businesses/rose-bakery", ApiHost.AdminKey);
        Assert.Equal(created.ETag(), read.ETag());
        Assert.Equal(body.ToJsonString(), (await read.OkJsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task MakesTheIdFromTheNameWhenNoneIsGiven()
    {
        var body = ApiScenario.Business(name: "Crème & Brûlée " + Guid.NewGuid().ToString("N")[..6]);
        body.Remove("id");

        var created = await (await Client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, body)).OkJsonAsync(HttpStatusCode.Created);

        Assert.StartsWith("creme-brulee-", (string)created["id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesATakenIdWith409AndKeepsTheFirstBusiness()
    {
        var id = await Client.CreateBusinessAsync();

        var errors = await (await Client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, ApiScenario.Business(id, "Impostor"))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["id"], errors.Keys);
        Assert.Equal("Rosé Bakery", (string)(await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", ApiHost.AdminKey)).OkJsonAsync())["name"]!);
    }

    [Fact]
    public async Task ListsEveryBusinessPageByPage()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.CreateBusinessAsync());
        }

        var listed = new List<string>();
        string? continuation = null;
        do
        {
            var path = "/api/businesses?pageSize=2" + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).OkJsonAsync();
            var items = (JsonArray)page["items"]!;
            Assert.True(items.Count <= 2);
            listed.AddRange(items.Select(b => (string)b!["id"]!));
            continuation = (string?)page["continuation"];
        }
        while (continuation is not null);

        Assert.Superset(ids, listed.ToHashSet());
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("continuation=%25%25%25", "continuation")]
    public async Task RefusesABadPageRequest(string query, string field)
    {
        var errors = await (await Client.SendAsync(HttpMethod.Get, "/api/businesses?" + query, ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task ReplacesABusinessButNeverItsId()
    {
        var id = await Client.CreateBusinessAsync();
        var before = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", ApiHost.AdminKey);

        var renamed = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}", ApiHost.AdminKey, ApiScenario.Business(null, "Renamed"));
        var moved = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}", ApiHost.AdminKey, ApiScenario.Business("another-id", "Moved"));

        var body = await renamed.OkJsonAsync();
        Assert.Equal("Renamed", (string)body["name"]!);
        Assert.Equal((string)(await before.OkJsonAsync())["createdAt"]!, (string)body["createdAt"]!);
        Assert.NotEqual(before.ETag(), renamed.ETag());
        Assert.Equal(["id"], (await moved.ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        await (await Client.SendAsync(HttpMethod.Get, "/api/businesses/another-id", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletesABusinessWithAllItsDataAndNothingElse()
    {
        var deleted = await Client.CreateBusinessAsync();
        var kept = await Client.CreateBusinessAsync();
        foreach (var id in new[] { deleted, kept })
        {
            await Client.SavePlanAsync(id);
            await Client.CreateProfileAsync(id);
            await Client.IssueKeyAsync(id, "read");
        }

        var response = await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{deleted}", ApiHost.AdminKey);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        foreach (var path in new[] { "", "/plan", "/profiles", "/keys" })
        {
            await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{deleted}{path}", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{kept}{path}", ApiHost.AdminKey)).StatusCode);
        }

        // Recreated under the same id, it starts empty.
        await Client.CreateBusinessAsync(deleted);
        Assert.Empty((JsonArray)(await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{deleted}/profiles", ApiHost.AdminKey)).OkJsonAsync())["items"]!);
        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{deleted}/plan", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LetsAnOwnerDeleteItsOwnBusiness()
    {
        var id = await Client.CreateBusinessAsync();
        var ownerKey = await Client.IssueKeyAsync(id, "owner");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{id}", ownerKey)).StatusCode);
        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnswersAnUnknownBusinessWith404()
    {
        Assert.Equal(["businessId"], (await (await Client.SendAsync(HttpMethod.Get, "/api/businesses/no-such-business", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Equal(["businessId"], (await (await Client.SendAsync(HttpMethod.Delete, "/api/businesses/no-such-business", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Equal(["businessId"], (await (await Client.SendAsync(HttpMethod.Get, "/api/businesses/Not_A_Slug/plan", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound)).Keys);
    }
}
