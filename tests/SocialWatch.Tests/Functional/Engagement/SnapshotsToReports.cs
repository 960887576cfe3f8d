using System.Net;
using SocialWatch.Demo;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>A newcomer's first hour: post a CSV of a year of weekly snapshots, read back scores, benchmarks, goals and the year-over-year review.</summary>
public sealed class SnapshotsToReports(ScoringHost host) : IClassFixture<ScoringHost>
{
    private const int Weeks = 53;

    [Fact]
    public async Task AYearOfCsvSnapshotsReadsBackAsScoresBenchmarksGoalsAndYearOverYear()
    {
        var (businessId, ownerKey, profiles) = await host.NewBusinessAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var snapshots = DemoSnapshots.Generate(businessId, profiles, today, Weeks);
        var client = host.Client;

        var posted = await client.SendRawAsync(HttpMethod.Post, $"/api/businesses/{businessId}/snapshots", ownerKey, DemoSnapshots.Csv(snapshots), "text/csv");
        var receipt = await posted.OkJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(profiles.Count * Weeks, (int)receipt["count"]!);

        var benchmarks = await host.WaitForBenchmarksAsync(businessId, ownerKey, profiles.Count, Weeks, TimeSpan.FromMinutes(3));
        var instagramId = profiles.Single(p => p.Shape.Network == Network.Instagram).ProfileId;
        var instagram = benchmarks["profiles"]!.AsArray().Single(p => (string)p!["profileId"]! == instagramId)!;
        var engagement = instagram["benchmarks"]!["metrics"]!["engagement-rate"]!;
        Assert.NotNull((double?)engagement["baseline"]!["value"]);
        Assert.NotNull((double?)engagement["rollingMedian"]!["value"]);
        Assert.NotNull((double?)engagement["trend"]!["slopePerWeek"]!["value"]);
        Assert.Equal("instagram", (string)instagram["benchmarks"]!["industry"]!["network"]!);

        var lastWeek = snapshots.Max(s => s.PeriodStart);
        var report = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/report?from={lastWeek.AddDays(-28):yyyy-MM-dd}&to={lastWeek.AddDays(6):yyyy-MM-dd}", ownerKey)).OkJsonAsync();
        var reported = report["profiles"]!.AsArray().Single(p => (string)p!["profileId"]! == instagramId)!["periods"]!.AsArray();
        Assert.Equal(5, reported.Count);
        Assert.Equal(6, reported[^1]!["health"]!["components"]!.AsArray().Count);
        Assert.InRange((double)reported[^1]!["health"]!["score"]!["value"]!, 0, 100);
        Assert.Equal(2, report["goals"]!.AsArray().Count);

        var goals = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/goals", ownerKey)).OkJsonAsync();
        Assert.All(goals["goals"]!.AsArray(), g => Assert.NotEqual("not-enough-data", (string)g!["progress"]!["status"]!));

        var review = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/year-over-year", ownerKey)).OkJsonAsync();
        var comparison = review["profiles"]!.AsArray().Single(p => (string)p!["profileId"]! == instagramId)!;
        var aligned = SocialWatch.Benchmarks.YearOverYear.LastYear(lastWeek, lastWeek.AddDays(6))!;
        Assert.Equal(aligned.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)comparison["lastYear"]!["periodStart"]!);

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/businesses/{businessId}/benchmarks");
        csvRequest.Headers.Add("x-api-key", ownerKey);
        csvRequest.Headers.Add("Accept", "text/csv");
        var csv = await client.SendAsync(csvRequest, TestContext.Current.CancellationToken);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("profileId,network,metric,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (profiles.Count * 16), lines.Length);
    }
}
