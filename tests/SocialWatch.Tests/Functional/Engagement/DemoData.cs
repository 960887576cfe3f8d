using SocialWatch.Demo;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Engagement;

/// <summary>SocialWatch:Demo:Load=true: a newcomer starts the app and finds a scored year of a sample business.</summary>
public sealed class DemoData(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> LoadDemo = new() { ["SocialWatch:Demo:Load"] = "true" };

    [Fact]
    public async Task LoadsAScoredYearOfTheSampleBusinessAndLoadsItAgainWithoutDoublingAnything()
    {
        string prefix;
        string firstKey;
        await using (var first = await ScoringHost.StartAsync(azurite, null, LoadDemo))
        {
            prefix = first.Prefix;
            firstKey = await first.DemoOwnerKeyAsync();
            await first.WaitForBenchmarksAsync(DemoLoader.BusinessId, firstKey, DemoSnapshots.Shapes.Count, DemoLoader.Weeks, TimeSpan.FromMinutes(3));
        }

        await using var second = await ScoringHost.StartAsync(azurite, prefix, LoadDemo);
        var secondKey = await second.DemoOwnerKeyAsync();
        var benchmarks = await second.WaitForBenchmarksAsync(DemoLoader.BusinessId, secondKey, DemoSnapshots.Shapes.Count, DemoLoader.Weeks, TimeSpan.FromMinutes(3));

        var x = benchmarks["profiles"]!.AsArray().Single(p => (string)p!["network"]! == "x")!;
        Assert.Equal(0, (double)x["benchmarks"]!["metrics"]!["posts-per-week"]!["period"]!["value"]!);
        var profiles = await (await second.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{DemoLoader.BusinessId}/profiles", secondKey)).OkJsonAsync();
        Assert.Equal(DemoSnapshots.Shapes.Count, profiles["items"]!.AsArray().Count);
        var revoked = await second.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{DemoLoader.BusinessId}/profiles", firstKey);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, revoked.StatusCode);
    }
}
