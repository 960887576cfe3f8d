using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>A business's key never sees another business: every answer is the 404 a missing business gets, and nothing changes.</summary>
public sealed class TenantIsolation(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Client => host.Client;

    public static TheoryData<string, string, bool> Calls => new()
    {
        { "GET", "", false },
        { "PUT", "", true },
        { "DELETE", "", false },
        { "GET", "/plan", false },
        { "PUT", "/plan", true },
        { "GET", "/profiles", false },
        { "POST", "/profiles", true },
        { "GET", "/profiles/{profile}", false },
        { "PUT", "/profiles/{profile}", true },
        { "DELETE", "/profiles/{profile}", false },
        { "GET", "/profiles/{profile}/collection", false },
        { "GET", "/keys", false },
        { "POST", "/keys", true },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task AnswersAnotherBusinesssKeyExactlyAsAMissingBusiness(string method, string path, bool hasBody)
    {
        var mine = await Client.CreateBusinessAsync();
        var theirs = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(theirs);
        var theirProfile = await Client.CreateProfileAsync(theirs);
        var myKey = await Client.IssueKeyAsync(mine, "owner");
        var before = await SnapshotAsync(theirs);
        JsonNode? Body(string businessId) => !hasBody ? null
            : path switch { "" => ApiScenario.Business(businessId), "/plan" => ApiScenario.Plan(), "/keys" => new JsonObject { ["role"] = "owner", ["label"] = "x" }, _ => ApiScenario.Profile() };

        var other = await Client.SendAsync(new HttpMethod(method), $"/api/businesses/{theirs}{path.Replace("{profile}", theirProfile, StringComparison.Ordinal)}", myKey, Body(theirs));
        var missing = await Client.SendAsync(new HttpMethod(method), $"/api/businesses/no-such-business{path.Replace("{profile}", theirProfile, StringComparison.Ordinal)}", myKey, Body("no-such-business"));

        Assert.Equal(["businessId"], (await other.ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Equal(WithoutTrace(await missing.JsonAsync()), WithoutTrace(await other.JsonAsync()));
        Assert.Equal(before, await SnapshotAsync(theirs));
    }

    [Fact]
    public async Task AnswersAProfileOfAnotherBusinessAsAMissingOne()
    {
        var mine = await Client.CreateBusinessAsync();
        var theirs = await Client.CreateBusinessAsync();
        var theirProfile = await Client.CreateProfileAsync(theirs);
        var myKey = await Client.IssueKeyAsync(mine, "owner");

        var read = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{mine}/profiles/{theirProfile}", myKey);
        var deleted = await Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{mine}/profiles/{theirProfile}", myKey);
        var collection = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{mine}/profiles/{theirProfile}/collection", myKey);

        Assert.Equal(["profileId"], (await read.ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Equal(["profileId"], (await collection.ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Equal(["profileId"], (await deleted.ProblemAsync(HttpStatusCode.NotFound)).Keys);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{theirs}/profiles/{theirProfile}", ApiHost.AdminKey)).StatusCode);
    }

    /// <summary>Everything the admin can read of a business, to prove nothing changed.</summary>
    private async Task<string> SnapshotAsync(string businessId)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "", "/plan", "/profiles", "/keys" })
        {
            var response = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}{path}", ApiHost.AdminKey);
            parts.Add($"{(int)response.StatusCode} {response.Headers.ETag} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        return string.Join('\n', parts);
    }

    private static string WithoutTrace(JsonNode problem)
    {
        problem.AsObject().Remove("traceId");
        return problem.ToJsonString();
    }
}
