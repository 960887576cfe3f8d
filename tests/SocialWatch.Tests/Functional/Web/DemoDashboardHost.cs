using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Demo;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>
/// The app on loopback with the demo business loaded and scored as scripts/start --demo does (a year of weekly snapshots,
/// three profiles), plus what only a sweep or a website audit would find: the Facebook profile declared dead (Instagram alive), a link
/// audit where the site still links to it from two pages and to a TikTok profile not registered, and one campaign that
/// worked. A class fixture: the dashboard's browser tests read it, none changes it.
/// </summary>
public sealed class DemoDashboardHost(AzuriteFixture azurite) : IAsyncLifetime
{
    public static readonly string[] DeadLinkPages = ["https://rose-bakery.example/", "https://rose-bakery.example/contact"];
    public const string UnregisteredLink = "https://www.tiktok.com/@rosebakery";
    public const string Campaign = "Easter giveaway";

    private ScoringHost? host;

    public HttpClient Client => host!.Client;

    public Uri Dashboard => new(host!.BaseAddress, "api/dashboard");

    public string OwnerKey { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        host = await ScoringHost.StartAsync(azurite, null, new Dictionary<string, string> { ["SocialWatch:Demo:Load"] = "true" });
        OwnerKey = await host.DemoOwnerKeyAsync();
        await host.WaitForBenchmarksAsync(DemoLoader.BusinessId, OwnerKey, DemoSnapshots.Shapes.Count, DemoLoader.Weeks, TimeSpan.FromMinutes(3));
        var profiles = (await GetAsync("profiles"))["items"]!.AsArray();
        var facebook = profiles.Single(p => (string)p!["network"]! == "facebook")!;
        var instagram = profiles.Single(p => (string)p!["network"]! == "instagram")!;
        await DeclareAsync((string)facebook["id"]!, new Uri((string)facebook["url"]!), DeclaredHealth.Dead, CheckClass.Dead, 404);
        await DeclareAsync((string)instagram["id"]!, new Uri((string)instagram["url"]!), DeclaredHealth.Alive, CheckClass.Alive, 200);
        await AuditAsync((string)facebook["id"]!, new Uri((string)facebook["url"]!), (string)instagram["id"]!, new Uri((string)instagram["url"]!));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = new JsonObject
        {
            ["what"] = Campaign,
            ["startDate"] = today.AddDays(-70).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["endDate"] = today.AddDays(-56).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["networks"] = new JsonArray("instagram"),
            ["message"] = "Win a cake, bring a friend.",
            ["expectedEffect"] = "More followers, and comments from new people.",
            ["outcome"] = "worked",
            ["outcomeNote"] = "Comments doubled for three weeks.",
        };
        await (await Client.SendAsync(HttpMethod.Post, $"/api/businesses/{DemoLoader.BusinessId}/campaigns", OwnerKey, campaign)).OkJsonAsync(System.Net.HttpStatusCode.Created);
    }

    /// <summary>What the API answers the owner for a resource of the demo business (the figures the page must show).</summary>
    public async Task<JsonNode> GetAsync(string path) =>
        await (await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{DemoLoader.BusinessId}/{path}", OwnerKey)).OkJsonAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private async Task DeclareAsync(string profileId, Uri url, DeclaredHealth health, CheckClass result, int status)
    {
        var store = host!.Services.GetRequiredService<IProfileHealthStore>();
        var key = new ProfileKey(DemoLoader.BusinessId, profileId);
        var current = (await store.FindAsync(key, CancellationToken.None))?.Value ?? ProfileHealth.New(key);
        var checkedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var since = checkedAt.AddDays(-2);
        var dead = health == DeclaredHealth.Dead;
        await store.UpsertAsync(
            current with
            {
                Verdict = new HealthVerdict(health, since, dead ? 3 : 0, dead ? since : null, dead ? checkedAt : null, checkedAt, null),
                LastCheck = Check(url, checkedAt, result, status),
                History = [new HistoryEntry(checkedAt, result, $"http-{status}", status)],
            },
            CancellationToken.None);
    }

    private async Task AuditAsync(string facebookId, Uri facebook, string instagramId, Uri instagram)
    {
        var store = host!.Services.GetRequiredService<ILinkAuditStore>();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var home = new Uri(DeadLinkPages[0]);
        var tiktok = new Uri(UnregisteredLink);
        var alive = HealthVerdict.Initial with { State = DeclaredHealth.Alive, Since = at, LastConclusiveAt = at };
        LinkAuditEntry[] links =
        [
            new(DemoLoader.BusinessId, LinkAuditKey.IdOf(facebook), facebook, "rose-bakery.example", Network.Facebook, true, facebookId, [.. DeadLinkPages.Select(p => new Uri(p))], Check(facebook, at, CheckClass.Dead, 404),
                new HealthVerdict(DeclaredHealth.Dead, at.AddDays(-14), 2, at.AddDays(-14), at, at, null), at),
            new(DemoLoader.BusinessId, LinkAuditKey.IdOf(instagram), instagram, "rose-bakery.example", Network.Instagram, true, instagramId, [home], null, alive, at),
            new(DemoLoader.BusinessId, LinkAuditKey.IdOf(tiktok), tiktok, "rose-bakery.example", Network.TikTok, true, null, [home], null, alive, at),
        ];
        foreach (var link in links)
        {
            await store.UpsertAsync(link, CancellationToken.None);
        }
    }

    private static CheckSummary Check(Uri url, DateTimeOffset at, CheckClass result, int status) => new(result, $"http-{status}", status, url, $"The network answered {status}.", at, null, null);
}
