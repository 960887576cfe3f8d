using Microsoft.Extensions.Primitives;
using SocialWatch.Functions.Api;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Unit.Api;

public class ETagsParseIfMatch
{
    private const string TableETag = "W/\"datetime'2026-03-10T08%3A00%3A00.1234567Z'\"";

    private static VersionCondition Parsed(StringValues header)
    {
        Assert.True(ETags.TryParseIfMatch(header, out var condition, out var error), error);
        return condition;
    }

    private static string Refusal(StringValues header)
    {
        Assert.False(ETags.TryParseIfMatch(header, out _, out var error));
        return error!;
    }

    [Fact]
    public void ReadsNoHeaderAsNoCondition() => Assert.Equal(VersionCondition.None, Parsed(StringValues.Empty));

    [Fact]
    public void ReadsAStarAsMustExist() => Assert.Equal(VersionCondition.Exists, Parsed("*"));

    [Fact]
    public void ReadsBackTheVersionOfAnETagItFormatted()
    {
        var header = ETags.Format(TableETag);

        Assert.Equal(VersionCondition.Matches(TableETag), Parsed(header));
        Assert.Matches("^\"[A-Za-z0-9_-]+\"$", header);
    }

    [Fact]
    public void ReadsAForeignTagAsAVersionThatMatchesNothingStored()
    {
        var condition = Parsed("\"not-one-of-ours!\"");

        Assert.Equal(VersionRequirement.Matches, condition.Requirement);
        Assert.False(condition.IsSatisfiedBy(TableETag));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"unterminated")]
    [InlineData("\"a\", \"b\"")]
    [InlineData("*, \"a\"")]
    public void RefusesAMalformedHeaderOrAList(string header) => Assert.Contains("entity-tag", Refusal(header), StringComparison.Ordinal);

    [Fact]
    public void RefusesAWeakTag() => Assert.Contains("strong", Refusal("W/\"abc\""), StringComparison.Ordinal);
}
