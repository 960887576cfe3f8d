using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

public sealed class PlanEndpoints(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task CreatesThePlanFirstThenReplacesIt()
    {
        var id = await Client.CreateBusinessAsync();

        var created = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/plan", ApiHost.AdminKey, ApiScenario.Plan());
        var changed = ApiScenario.Plan();
        changed["networks"]![0]!["postsPerWeek"] = 6;
        var replaced = await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/plan", ApiHost.AdminKey, changed);

        var first = await created.OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/businesses/{id}/plan", created.Headers.Location?.ToString());
        Assert.Equal(["leads-per-month", "engagement"], ((JsonArray)first["goals"]!).Select(g => (string)g!["id"]!));
        Assert.Equal(6, (double)(await replaced.OkJsonAsync())["networks"]![0]!["postsPerWeek"]!);
        Assert.NotEqual(created.ETag(), replaced.ETag());
    }

    [Fact]
    public async Task ReadsThePlanWithTheProfilesGroupedByItsNetworks()
    {
        var id = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(id);
        var profiles = new List<(string Network, string Id)>();
        for (var i = 0; i < 50; i++)
        {
            var network = (i % 5) switch { 0 or 1 => "instagram", 2 => "facebook", 3 => "youtube", _ => "mastodon" };
            profiles.Add((network, await Client.CreateProfileAsync(id, ApiScenario.Profile(network, $"rose{i}"))));
        }

        var read = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey);

        var plan = await read.OkJsonAsync();
        var groups = plan["profiles"]!.AsObject();
        Assert.Equal(["instagram", "facebook", "youtube", "mastodon"], groups.Select(g => g.Key));
        foreach (var (network, links) in groups)
        {
            Assert.Equal(profiles.Where(p => p.Network == network).Select(p => p.Id), ((JsonArray)links!).Select(l => (string)l!["id"]!));
        }

        var link = groups["instagram"]![0]!.AsObject();
        Assert.Equal(["id", "network", "url", "handle"], link.Select(p => p.Key));
        Assert.Equal("primary", (string)plan["networks"]![0]!["role"]!);
        Assert.NotNull(read.Headers.ETag);
    }

    [Fact]
    public async Task AnswersABusinessWithoutAPlanWith404()
    {
        var id = await Client.CreateBusinessAsync();

        var errors = await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["plan"], errors.Keys);
    }

    [Fact]
    public async Task JudgesDeadlinesByTheBusinesssOwnDate()
    {
        var id = await Client.CreateBusinessAsync();
        var plan = ApiScenario.Plan();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        plan["goals"]![0]!["deadline"] = today;
        plan["nextReviewDate"] = "2020-01-01";

        var errors = await (await Client.SendAsync(HttpMethod.Put, $"/api/businesses/{id}/plan", ApiHost.AdminKey, plan)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("goals[0].deadline", errors.Keys);
        Assert.Contains("nextReviewDate", errors.Keys);
    }
}
