using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SocialWatch.Functions.Api;
using SocialWatch.Plans;

namespace SocialWatch.Tests.Unit.Api;

public class JsonShapesExpectation
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Theory]
    [InlineData("$.networks[0].postsPerWeek", "must be a number")]
    [InlineData("$.networks[0].coreMessage", "must be a string")]
    [InlineData("$.networks[0].role", "must be one of: primary, presence")]
    [InlineData("$.networks", "must be an array")]
    [InlineData("$.networks[2]", "must be an object")]
    [InlineData("$.accountableOwner", "must be an object")]
    [InlineData("$.goals[0].deadline", "must be a date: YYYY-MM-DD")]
    [InlineData("$", "must be an object")]
    [InlineData("$.colour", "is not a known property")]
    [InlineData("$.networks[0].colour", "is not a known property")]
    [InlineData("$['odd.name']", "is not a known property")]
    public void SaysWhatThePlanExpectsAtAPath(string path, string expectation) =>
        Assert.Equal(expectation, JsonShapes.Expectation(Options, typeof(PlanInput), path));

    [Fact]
    public void ListsEveryNetworkForAnUnknownOne() =>
        Assert.StartsWith("must be one of: facebook, instagram, x, linkedin", JsonShapes.Expectation(Options, typeof(PlanInput), "$.networks[0].network"), StringComparison.Ordinal);
}
