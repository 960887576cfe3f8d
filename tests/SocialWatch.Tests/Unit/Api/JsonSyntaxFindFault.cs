using System.Text;
using SocialWatch.Functions.Api;

namespace SocialWatch.Tests.Unit.Api;

public class JsonSyntaxFindFault
{
    private static JsonSyntax.Fault? Fault(string json) => JsonSyntax.FindFault(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void FindsNothingWrongInValidJson() => Assert.Null(Fault("""{"a":[1,{"b":[true,null]}],"c":{"d":"e"}}"""));

    [Fact]
    public void FindsADuplicatePropertyAtItsPath()
    {
        var fault = Fault("""{"networks":[{"network":"x"},{"network":"y","role":"a","role":"b"}]}""");

        Assert.Equal(new JsonSyntax.Fault("networks[1].role", "appears more than once"), fault);
    }

    [Fact]
    public void AllowsTheSameNameInSiblingObjects() => Assert.Null(Fault("""{"a":{"name":1},"b":{"name":2},"name":3}"""));

    [Fact]
    public void FindsTruncatedJsonWhereItStops()
    {
        var fault = Fault("""{"goals":[{"metric":"followers"},{"metric":""");

        Assert.Equal("goals[1].metric", fault?.Path);
        Assert.StartsWith("is not valid JSON:", fault?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a":1,}""")]
    [InlineData("""{"a":1 /* note */}""")]
    [InlineData("""{'a':1}""")]
    [InlineData("""{"a":1} {"b":2}""")]
    public void RefusesWhatStrictJsonRefuses(string json) => Assert.StartsWith("is not valid JSON:", Fault(json)?.Message, StringComparison.Ordinal);

    [Fact]
    public void RefusesNestingDeeperThanTheCap() =>
        Assert.NotNull(Fault(new string('[', JsonSyntax.MaxDepth + 1) + new string(']', JsonSyntax.MaxDepth + 1)));

    [Theory]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    [InlineData("$.networks[0].postsPerWeek", "networks[0].postsPerWeek")]
    [InlineData("$['odd.name']", "['odd.name']")]
    public void KeysErrorsByPathWithoutTheRoot(string? path, string key) => Assert.Equal(key, JsonSyntax.ErrorKey(path));
}
