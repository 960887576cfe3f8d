using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Plans;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>The API's read cache: repeated reads cost no storage, and a write is seen at once by the instance that made it.</summary>
public sealed class ReadCaching(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    /// <summary>Counted in the app's own services in the test process (the worker's counts are not visible from outside it).</summary>
    [Fact]
    public async Task ServesARepeatedPlanReadWithoutTouchingStorage()
    {
        var id = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(id);
        var plans = host.Services.GetRequiredService<PlanService>();
        var operations = host.Services.GetRequiredService<StorageOperations>();
        await plans.GetAsync(id, TestContext.Current.CancellationToken);
        var before = operations.Tables.Count;

        var again = await plans.GetAsync(id, TestContext.Current.CancellationToken);

        Assert.True(again.Succeeded);
        Assert.Equal(before, operations.Tables.Count);
    }

    [Fact]
    public async Task ShowsItsOwnWriteAtOnce()
    {
        var id = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(id);
        var before = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey)).OkJsonAsync();
        Assert.All(before["profiles"]!.AsObject(), group => Assert.Empty(group.Value!.AsArray()));

        var profileId = await Client.CreateProfileAsync(id, ApiScenario.Profile());
        var plan = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey)).OkJsonAsync();

        Assert.Equal(profileId, (string)plan["profiles"]!["instagram"]![0]!["id"]!);
    }

    [Fact]
    public async Task RefusesARevokedKeyAtOnceThoughItWasJustCached()
    {
        var id = await Client.CreateBusinessAsync();
        var key = await Client.IssueKeyAsync(id, "owner");
        var keyId = key.Split('.')[2];
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", key)).StatusCode);

        await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{id}/keys/{keyId}", ApiHost.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", key)).StatusCode);
    }
}
