using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Demo;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>The campaign log over HTTP: a decision is recorded, linked to the periods that followed, marked, exported and removed.</summary>
public sealed class CampaignLog(ScoringHost host) : IClassFixture<ScoringHost>
{
    private const int Weeks = 8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinksACampaignToThePeriodsAroundItMarksItsOutcomeAndExportsIt()
    {
        var (businessId, ownerKey, profiles) = await host.NewBusinessAsync();
        var snapshots = DemoSnapshots.Generate(businessId, profiles, DateOnly.FromDateTime(DateTime.UtcNow), Weeks);
        Assert.Equal(HttpStatusCode.Accepted, await ScoringHost.PostCsvAsync(host.Client, businessId, ownerKey, DemoSnapshots.Csv(snapshots)));
        await host.WaitForBenchmarksAsync(businessId, ownerKey, profiles.Count, Weeks, TimeSpan.FromMinutes(1));
        var start = snapshots.Select(s => s.PeriodStart).Distinct().Order().ElementAt(3);
        var campaign = new JsonObject
        {
            ["what"] = "=HYPERLINK(\"https://evil.example\") Easter giveaway",
            ["startDate"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["networks"] = new JsonArray("instagram"),
            ["message"] = "Win a cake, bring a friend.",
            ["expectedEffect"] = "More followers, and comments from new people.",
        };

        var created = await host.Client.SendAsync(HttpMethod.Post, $"/api/businesses/{businessId}/campaigns", ownerKey, campaign);
        var id = (string)(await created.OkJsonAsync(HttpStatusCode.Created))["id"]!;
        var read = await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/campaigns/{id}", ownerKey);
        var view = await read.OkJsonAsync();

        var instagram = profiles.Single(p => p.Shape.Network == Network.Instagram).ProfileId;
        Assert.Equal([instagram], view["before"]!.AsArray().Select(p => (string)p!["profileId"]!));
        Assert.Equal(start.AddDays(-7), DateOnly.Parse((string)view["before"]![0]!["periodStart"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, view["after"]!.AsArray().Count);
        Assert.All(view["after"]!.AsArray(), p => Assert.Equal(instagram, (string)p!["profileId"]!));

        campaign["outcome"] = "did-not-work";
        campaign["outcomeNote"] = "Followers came, comments did not.";
        var stale = await host.Client.SendAsync(HttpMethod.Put, $"/api/businesses/{businessId}/campaigns/{id}", ownerKey, campaign, ifMatch: "\"c3RhbGU\"");
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var marked = await host.Client.SendAsync(HttpMethod.Put, $"/api/businesses/{businessId}/campaigns/{id}", ownerKey, campaign, ifMatch: read.ETag());
        Assert.Equal("did-not-work", (string)(await marked.OkJsonAsync())["outcome"]!);

        using var export = new HttpRequestMessage(HttpMethod.Get, $"/api/businesses/{businessId}/campaigns");
        export.Headers.Add("x-api-key", ownerKey);
        export.Headers.Add("Accept", "text/csv");
        var csv = await (await host.Client.SendAsync(export, Cancel)).Content.ReadAsStringAsync(Cancel);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith($"{id},\"'=HYPERLINK(\"\"https://evil.example\"\") Easter giveaway\",", rows[1], StringComparison.Ordinal);
        Assert.Contains(",did-not-work,", rows[1], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(HttpMethod.Delete, $"/api/businesses/{businessId}/campaigns/{id}", ownerKey)).StatusCode);
        await (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/campaigns/{id}", ownerKey)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RefusesACampaignThatEndsBeforeItStartsNamingTheField()
    {
        var (businessId, ownerKey, _) = await host.NewBusinessAsync();
        var campaign = new JsonObject { ["what"] = "Spring menu", ["startDate"] = "2026-04-10", ["endDate"] = "2026-04-01", ["message"] = "New menu.", ["expectedEffect"] = "Bookings." };

        var errors = await (await host.Client.SendAsync(HttpMethod.Post, $"/api/businesses/{businessId}/campaigns", ownerKey, campaign)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("is before startDate", Assert.Single(errors["endDate"]), StringComparison.Ordinal);
        Assert.Empty((await (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/campaigns", ownerKey)).OkJsonAsync())["items"]!.AsArray());
    }
}
