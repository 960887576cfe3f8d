using System.Text;
using SocialWatch.Benchmarks;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Profiles;

namespace SocialWatch.Tests.Unit.Benchmarks;

public sealed class IndustryMediansLoad
{
    private static IndustryMedians Load(string json) => IndustryMedians.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void LoadsTheShippedRivalIqFiguresWithTheirSourceYearAndMethod()
    {
        var medians = IndustryMedians.LoadEmbedded();

        Assert.Equal((1, 2023, 2022, EngagementMethod.ByFollowersPerPost), (medians.Version, medians.PublishedYear, medians.DataYear, medians.Method));
        Assert.Equal("Rival IQ, 2023 Social Media Industry Benchmark Report", medians.Source);
        Assert.Equal(new NetworkMedian(0.06, 5.0), medians.For(Network.Facebook));
        Assert.Equal(new NetworkMedian(0.47, 4.6), medians.For(Network.Instagram));
        Assert.Equal(new NetworkMedian(0.035, 3.9), medians.For(Network.X));
        Assert.Equal(new NetworkMedian(5.69, 1.75), medians.For(Network.TikTok));
        Assert.Null(medians.For(Network.LinkedIn));
    }

    [Fact]
    public void ComparesARateByTheSameMethodWithTheMedianOfItsNetwork()
    {
        var comparison = IndustryMedians.LoadEmbedded().Compare(Network.Instagram, new EngagementRate(EngagementMethod.ByFollowersPerPost, 0.94));

        Assert.Equal(0.47, comparison.MedianPercent.Value);
        Assert.Equal(0.47, comparison.VsMedian.Difference!.Value, 9);
        Assert.Equal(100, comparison.VsMedian.PercentChange!.Value, 9);
        Assert.Contains("2022 data", comparison.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToCompareARateComputedByAnotherMethod()
    {
        var medians = IndustryMedians.LoadEmbedded();

        var refused = Assert.Throws<EngagementMethodMismatchException>(() => medians.Compare(Network.Instagram, new EngagementRate(EngagementMethod.ByReach, 3.2)));

        Assert.Equal((EngagementMethod.ByFollowersPerPost, EngagementMethod.ByReach), (refused.Expected, refused.Actual));
    }

    [Fact]
    public void RefusesADocumentWithMissingFieldsUnknownNetworksAndImpossibleFigures()
    {
        var json = """
            { "version": 0, "source": "", "publishedYear": 2023, "dataYear": 2024, "industry": "all", "statistic": "mean",
              "method": "engagement rate by reach",
              "networks": { "myspace": { "engagementRatePercent": 1, "postsPerWeek": 1 }, "x": { "engagementRatePercent": -1, "postsPerWeek": 1 } } }
            """;

        var refused = Assert.Throws<InvalidDataException>(() => Load(json));

        Assert.Equal(
            "test.json is not valid reference data: version must be 1 or more; source is required; dataYear must be a year no later than publishedYear; "
            + "statistic must be \"median\"; networks.myspace is not a known network (known: " + string.Join(", ", Networks.Names) + "); "
            + "networks.x needs engagementRatePercent in (0, 100] and postsPerWeek in (0, 1000].",
            refused.Message);
    }

    [Fact]
    public void RefusesAnUnknownMethodOrField()
    {
        Assert.Contains("$.method", Assert.Throws<InvalidDataException>(() => Load("""{ "method": "engagement rate by vibes" }""")).Message, StringComparison.Ordinal);
        Assert.Contains("median", Assert.Throws<InvalidDataException>(() => Load("""{ "median": 1 }""")).Message, StringComparison.Ordinal);
    }
}
