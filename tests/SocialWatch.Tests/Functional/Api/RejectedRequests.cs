using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>
/// Every kind of bad input gets its own clear 4xx problem naming the field at fault, and a read afterwards shows that
/// nothing was stored or changed.
/// </summary>
public sealed class RejectedRequests(ApiHost host) : IClassFixture<ApiHost>
{
    private const int OverCap = (256 * 1024) + 1;

    private HttpClient Client => host.Client;

    /// <summary>A bad request: its body (text, exactly as sent), content type, If-Match, and the answer expected.</summary>
    public sealed record Case(Func<JsonObject, string> Body, HttpStatusCode Status, string Field, string ContentType = "application/json", string? IfMatch = null);

    private static Case Changed(Action<JsonObject> change, string field, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        new(valid => { change(valid); return valid.ToJsonString(); }, status, field);

    private static Case Raw(string body, string field, HttpStatusCode status = HttpStatusCode.BadRequest, string contentType = "application/json") =>
        new(_ => body, status, field, contentType);

    /// <summary>Faults any body can have, whatever the resource.</summary>
    private static readonly Dictionary<string, Case> AnyBody = new()
    {
        ["malformed JSON"] = new(valid => valid.ToJsonString()[..^5], HttpStatusCode.BadRequest, "*"),
        ["trailing comma"] = new(valid => valid.ToJsonString()[..^1] + ",}", HttpStatusCode.BadRequest, "*"),
        ["JSON null"] = Raw("null", "$"),
        ["JSON array"] = Raw("[]", "$"),
        ["empty body"] = Raw(string.Empty, "$"),
        ["unknown property"] = Changed(b => b["colour"] = "red", "colour"),
        ["duplicate property"] = new(valid => valid.ToJsonString()[..^1] + ",\"colour\":1,\"colour\":2}", HttpStatusCode.BadRequest, "colour"),
        ["oversize body"] = Changed(b => b["padding"] = new string('x', OverCap), "$", HttpStatusCode.RequestEntityTooLarge),
        ["form content type"] = new(valid => valid.ToJsonString(), HttpStatusCode.UnsupportedMediaType, "Content-Type", "application/x-www-form-urlencoded"),
    };

    /// <summary>Faults of a write to an existing resource: a valid body under a bad If-Match.</summary>
    private static readonly Dictionary<string, Case> PreconditionCases = new()
    {
        ["stale If-Match"] = new(valid => valid.ToJsonString(), HttpStatusCode.PreconditionFailed, "If-Match", IfMatch: "\"c3RhbGU\""),
        ["malformed If-Match"] = new(valid => valid.ToJsonString(), HttpStatusCode.BadRequest, "If-Match", IfMatch: "stale"),
        ["weak If-Match"] = new(valid => valid.ToJsonString(), HttpStatusCode.BadRequest, "If-Match", IfMatch: "W/\"c3RhbGU\""),
    };

    private static readonly Dictionary<string, Case> BusinessCases = new(AnyBody)
    {
        ["wrong type"] = Changed(b => b["name"] = 42, "name"),
        ["missing required field"] = Changed(b => b.Remove("owner"), "owner"),
        ["null required field"] = Changed(b => b["name"] = null, "name"),
        ["non-http website"] = Changed(b => b["websites"]![0] = "ftp://rose-bakery.example/", "websites[0]"),
        ["script website"] = Changed(b => b["websites"]![0] = "javascript:alert(1)", "websites[0]"),
        ["no website"] = Changed(b => b["websites"] = new JsonArray(), "websites"),
        ["bad email"] = Changed(b => b["owner"]!["email"] = "ann-at-rose", "owner.email"),
        ["bad time zone"] = Changed(b => b["timeZone"] = "Mars/Olympus_Mons", "timeZone"),
        ["Windows time zone"] = Changed(b => b["timeZone"] = "Romance Standard Time", "timeZone"),
        ["unknown audience"] = Changed(b => b["audience"] = "everyone", "audience"),
        ["origin with a path"] = Changed(b => b["allowedOrigins"]![0] = "https://rose-bakery.example/shop", "allowedOrigins[0]"),
        ["id with capitals"] = Changed(b => b["id"] = "Rose_Bakery", "id"),
    };

    private static readonly Dictionary<string, Case> PlanCases = new(AnyBody)
    {
        ["no network"] = Changed(p => p["networks"] = new JsonArray(), "networks"),
        ["primary without cadence"] = Changed(p => p["networks"]![0]!["postsPerWeek"] = 0, "networks[0].postsPerWeek"),
        ["presence at zero"] = Changed(p => p["networks"]![1]!["postsPerWeek"] = 0, "networks[1].postsPerWeek"),
        ["cadence as text"] = Changed(p => p["networks"]![0]!["postsPerWeek"] = "3", "networks[0].postsPerWeek"),
        ["unknown network"] = Changed(p => p["networks"]![0]!["network"] = "myspace", "networks[0].network"),
        ["network twice"] = Changed(p => p["networks"]![1]!["network"] = "instagram", "networks[1].network"),
        ["unknown role"] = Changed(p => p["networks"]![0]!["role"] = "main", "networks[0].role"),
        ["unknown nested property"] = Changed(p => p["networks"]![0]!["colour"] = "red", "networks[0].colour"),
        ["unknown metric"] = Changed(p => p["goals"]![0]!["metric"] = "likes", "goals[0].metric"),
        ["rate above 100"] = Changed(p => p["goals"]![1]!["target"] = 150, "goals[1].target"),
        ["target of zero"] = Changed(p => p["goals"]![0]!["target"] = 0, "goals[0].target"),
        ["past deadline"] = Changed(p => p["goals"]![0]!["deadline"] = "2020-01-01", "goals[0].deadline"),
        ["date in another format"] = Changed(p => p["goals"]![0]!["deadline"] = "31/12/2030", "goals[0].deadline"),
        ["missing owner"] = Changed(p => p.Remove("accountableOwner"), "accountableOwner"),
        ["bad owner email"] = Changed(p => p["accountableOwner"]!["email"] = "ann@", "accountableOwner.email"),
        ["read-only profiles"] = Changed(p => p["profiles"] = new JsonObject(), "profiles"),
    };

    private static readonly Dictionary<string, Case> ProfileCases = new(AnyBody)
    {
        ["unknown network"] = Changed(p => p["network"] = "friendster", "network"),
        ["non-http URL"] = Changed(p => p["url"] = "ftp://instagram.example/rose", "url"),
        ["relative URL"] = Changed(p => p["url"] = "/rose", "url"),
        ["file feed URL"] = Changed(p => p["feedUrl"] = "file:///etc/passwd", "feedUrl"),
        ["bad owner email"] = Changed(p => p["ownerEmail"] = "rose", "ownerEmail"),
        ["missing handle"] = Changed(p => p.Remove("handle"), "handle"),
        ["handle as number"] = Changed(p => p["handle"] = 7, "handle"),
    };

    public static TheoryData<string> BusinessCaseNames => new(BusinessCases.Keys);

    public static TheoryData<string> PlanCaseNames => new(PlanCases.Keys.Concat(PreconditionCases.Keys));

    public static TheoryData<string> ProfileCaseNames => new(ProfileCases.Keys);

    public static TheoryData<string> ReplaceCaseNames => new(PreconditionCases.Keys);

    private static Case BusinessCase(string name) => BusinessCases.TryGetValue(name, out var bad) ? bad : PreconditionCases[name];

    private static Case PlanCase(string name) => PlanCases.TryGetValue(name, out var bad) ? bad : PreconditionCases[name];

    private static Case ProfileCase(string name) => ProfileCases.TryGetValue(name, out var bad) ? bad : PreconditionCases[name];

    [Theory]
    [MemberData(nameof(BusinessCaseNames))]
    public async Task RefusesABadBusinessOnCreateAndStoresNothing(string name)
    {
        var id = "b-" + Guid.NewGuid().ToString("N")[..12];

        await AssertRefusedAsync(BusinessCases[name], HttpMethod.Post, "/api/businesses", ApiScenario.Business(id));

        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(BusinessCaseNames))]
    [MemberData(nameof(ReplaceCaseNames))]
    public async Task RefusesABadBusinessOnReplaceAndChangesNothing(string name)
    {
        var id = await Client.CreateBusinessAsync();
        var path = $"/api/businesses/{id}";
        var before = await ReadAsync(path);

        await AssertRefusedAsync(BusinessCase(name), HttpMethod.Put, path, ApiScenario.Business(id));

        Assert.Equal(before, await ReadAsync(path));
    }

    [Theory]
    [MemberData(nameof(PlanCaseNames))]
    public async Task RefusesABadPlanAndKeepsTheSavedOne(string name)
    {
        var id = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(id);
        var path = $"/api/businesses/{id}/plan";
        var before = await ReadAsync(path);

        await AssertRefusedAsync(PlanCase(name), HttpMethod.Put, path, ApiScenario.Plan());

        Assert.Equal(before, await ReadAsync(path));
    }

    [Theory]
    [MemberData(nameof(PlanCaseNames))]
    public async Task RefusesABadFirstPlanAndStoresNone(string name)
    {
        var id = await Client.CreateBusinessAsync();

        await AssertRefusedAsync(PlanCase(name), HttpMethod.Put, $"/api/businesses/{id}/plan", ApiScenario.Plan());

        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ProfileCaseNames))]
    public async Task RefusesABadProfileOnCreateAndStoresNothing(string name)
    {
        var id = await Client.CreateBusinessAsync();

        await AssertRefusedAsync(ProfileCases[name], HttpMethod.Post, $"/api/businesses/{id}/profiles", ApiScenario.Profile());

        Assert.Empty((JsonArray)(await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/profiles", ApiHost.AdminKey)).OkJsonAsync())["items"]!);
    }

    [Theory]
    [MemberData(nameof(ProfileCaseNames))]
    [MemberData(nameof(ReplaceCaseNames))]
    public async Task RefusesABadProfileOnReplaceAndChangesNothing(string name)
    {
        var id = await Client.CreateBusinessAsync();
        var path = $"/api/businesses/{id}/profiles/{await Client.CreateProfileAsync(id)}";
        var before = await ReadAsync(path);

        await AssertRefusedAsync(ProfileCase(name), HttpMethod.Put, path, ApiScenario.Profile());

        Assert.Equal(before, await ReadAsync(path));
    }

    private async Task AssertRefusedAsync(Case bad, HttpMethod method, string path, JsonObject valid)
    {
        var response = await Client.SendRawAsync(method, path, ApiHost.AdminKey, bad.Body(valid), bad.ContentType, bad.IfMatch);

        var errors = await response.ProblemAsync(bad.Status);
        if (bad.Field == "*")
        {
            Assert.StartsWith("is not valid JSON", Assert.Single(Assert.Single(errors).Value), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal([bad.Field], errors.Keys);
        }
    }

    private async Task<string> ReadAsync(string path)
    {
        var response = await Client.SendAsync(HttpMethod.Get, path, ApiHost.AdminKey);
        return $"{response.ETag()} {(await response.OkJsonAsync()).ToJsonString()}";
    }
}
