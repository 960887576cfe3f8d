using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>Optimistic concurrency: every single resource has an ETag; PUT and DELETE with a stale If-Match get 412 and change nothing.</summary>
public sealed class Preconditions(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    /// <summary>Each resource: its path once created, and a valid replacement body.</summary>
    private async Task<(string Path, JsonObject Replacement)> ResourceAsync(string kind)
    {
        var id = await Client.CreateBusinessAsync();
        return kind switch
        {
            "business" => ($"/api/businesses/{id}", ApiScenario.Business(id, "Changed")),
            "plan" => await SavedPlanAsync(id),
            _ => ($"/api/businesses/{id}/profiles/{await Client.CreateProfileAsync(id)}", ApiScenario.Profile("tiktok")),
        };
    }

    private async Task<(string, JsonObject)> SavedPlanAsync(string id)
    {
        await Client.SavePlanAsync(id);
        return ($"/api/businesses/{id}/plan", ApiScenario.Plan());
    }

    [Theory]
    [InlineData("business")]
    [InlineData("plan")]
    [InlineData("profile")]
    public async Task LetsOnlyTheFirstOfTwoWritersWithTheSameETagThrough(string kind)
    {
        var (path, replacement) = await ResourceAsync(kind);
        var etag = (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).ETag();

        var first = await Client.SendAsync(HttpMethod.Put, path, ApiHost.AdminKey, replacement, ifMatch: etag);
        var second = await Client.SendAsync(HttpMethod.Put, path, ApiHost.AdminKey, replacement, ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["If-Match"], (await second.ProblemAsync(HttpStatusCode.PreconditionFailed)).Keys);
        Assert.Equal(first.ETag(), (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).ETag());
    }

    [Theory]
    [InlineData("business")]
    [InlineData("profile")]
    public async Task RefusesADeleteWithAStaleETag(string kind)
    {
        var (path, replacement) = await ResourceAsync(kind);
        var stale = (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).ETag();
        var current = (await Client.SendAsync(HttpMethod.Put, path, ApiHost.AdminKey, replacement)).ETag();

        await (await Client.SendAsync(HttpMethod.Delete, path, ApiHost.AdminKey, ifMatch: stale)).ProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(current, (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).ETag());
        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, path, ApiHost.AdminKey, ifMatch: current)).StatusCode);
    }

    [Fact]
    public async Task RefusesIfMatchOnAPlanThatDoesNotExistYet()
    {
        var id = await Client.CreateBusinessAsync();

        await (await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/plan", ApiHost.AdminKey, ApiScenario.Plan(), ifMatch: "*")).ProblemAsync(HttpStatusCode.PreconditionFailed);

        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/plan", ApiHost.AdminKey, ApiScenario.Plan())).StatusCode);
    }

    [Theory]
    [InlineData("business")]
    [InlineData("plan")]
    [InlineData("profile")]
    public async Task AcceptsAStarForAnExistingResource(string kind)
    {
        var (path, replacement) = await ResourceAsync(kind);

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Put, path, ApiHost.AdminKey, replacement, ifMatch: "*")).StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("W/\"abc\"")]
    [InlineData("\"a\", \"b\"")]
    public async Task RefusesAMalformedIfMatchNamingTheHeader(string ifMatch)
    {
        var (path, replacement) = await ResourceAsync("profile");
        var before = (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).ETag();

        var put = await Client.SendAsync(HttpMethod.Put, path, ApiHost.AdminKey, replacement, ifMatch: ifMatch);
        var delete = await Client.SendAsync(HttpMethod.Delete, path, ApiHost.AdminKey, ifMatch: ifMatch);

        Assert.Equal(["If-Match"], (await put.ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(["If-Match"], (await delete.ProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(before, (await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey)).ETag());
    }
}
