using System.Net;
using SocialWatch.Demo;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>GET .../series: the dashboard's chart data, the same figures as the report and the benchmark state in one small answer.</summary>
public sealed class EngagementSeriesEndpoint(ScoringHost host) : IClassFixture<ScoringHost>
{
    private const int Weeks = 12;

    [Fact]
    public async Task ServesEachProfilesWeeklyValuesWithItsBaselineAndIndustryMedianAsTheReportAndBenchmarksHaveThem()
    {
        var (businessId, key, profiles) = await ScoredBusinessAsync();
        var client = host.Client;
        var benchmarks = await host.WaitForBenchmarksAsync(businessId, key, profiles, Weeks, TimeSpan.FromMinutes(3));
        var report = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/report?from=2000-01-01&to=2100-01-01", key)).OkJsonAsync();

        var series = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/series", key)).OkJsonAsync();

        Assert.Equal("engagement-rate", (string)series["metric"]!);
        Assert.Equal("% per post by followers", (string)series["unit"]!);
        var all = series["profiles"]!.AsArray();
        Assert.Equal(profiles, all.Count);
        foreach (var profile in all)
        {
            var id = (string)profile!["profileId"]!;
            var periods = report["profiles"]!.AsArray().Single(p => (string)p!["profileId"]! == id)!["periods"]!.AsArray();
            Assert.Equal(periods.Select(p => (string)p!["periodStart"]!), profile["periodStarts"]!.AsArray().Select(d => (string)d!));
            Assert.Equal(
                periods.Select(p => (double?)p!["engagementRate"]!["byFollowersPerPost"]!["value"] is { } v ? Math.Round(v, 4) : (double?)null),
                profile["values"]!.AsArray().Select(v => (double?)v));
            var state = benchmarks["profiles"]!.AsArray().Single(p => (string)p!["profileId"]! == id)!["benchmarks"]!;
            Assert.Equal((double?)state["metrics"]!["engagement-rate"]!["baseline"]!["value"], (double?)profile["baseline"]);
            Assert.Equal((double?)state["industry"]?["medianPercent"]?["value"], (double?)profile["industryMedian"]);
            Assert.Equal((string?)state["industry"]?["citation"], (string?)profile["industrySource"]);
        }

        Assert.Contains(all, p => (double?)p!["industryMedian"] is > 0);
    }

    [Fact]
    public async Task ServesAnotherMetricOnRequestWithoutAnIndustryMedian()
    {
        var (businessId, key, profiles) = await ScoredBusinessAsync();
        var benchmarks = await host.WaitForBenchmarksAsync(businessId, key, profiles, Weeks, TimeSpan.FromMinutes(3));

        var series = await (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/series?metric=followers", key)).OkJsonAsync();

        Assert.Equal("followers", (string)series["metric"]!);
        foreach (var profile in series["profiles"]!.AsArray())
        {
            var state = benchmarks["profiles"]!.AsArray().Single(p => (string)p!["profileId"]! == (string)profile!["profileId"]!)!["benchmarks"]!["metrics"]!["followers"]!;
            Assert.Equal((double)state["period"]!["value"]!, (double)profile!["values"]!.AsArray()[^1]!);
            Assert.Null((double?)profile["industryMedian"]);
        }
    }

    [Fact]
    public async Task RefusesAMetricItDoesNotKnowNamingTheQueryField()
    {
        var businessId = await host.Client.CreateBusinessAsync();
        var key = await host.Client.IssueKeyAsync(businessId, "read");

        var errors = await (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/series?metric=likes", key)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("'likes' is not a metric: one of engagement-rate, ", Assert.Single(errors["metric"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersNoProfilesBeforeAnythingIsScoredAndNothingToAnotherBusinesssKey()
    {
        var businessId = await host.Client.CreateBusinessAsync();
        var other = await host.Client.CreateBusinessAsync();
        var key = await host.Client.IssueKeyAsync(businessId, "read");

        var series = await (await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/series", key)).OkJsonAsync();
        var foreign = await host.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{other}/series", key);

        Assert.Empty(series["profiles"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private async Task<(string BusinessId, string Key, int Profiles)> ScoredBusinessAsync()
    {
        var (businessId, key, profiles) = await host.NewBusinessAsync();
        var snapshots = DemoSnapshots.Generate(businessId, profiles, DateOnly.FromDateTime(DateTime.UtcNow), Weeks);
        Assert.Equal(HttpStatusCode.Accepted, await ScoringHost.PostCsvAsync(host.Client, businessId, key, DemoSnapshots.Csv(snapshots)));
        return (businessId, key, profiles.Count);
    }
}
