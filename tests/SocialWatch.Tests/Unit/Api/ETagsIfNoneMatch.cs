using Microsoft.Extensions.Primitives;
using SocialWatch.Functions.Api;

namespace SocialWatch.Tests.Unit.Api;

/// <summary>If-None-Match against a stored version: a hit means the client's copy is current (a GET answers 304).</summary>
public sealed class ETagsIfNoneMatch
{
    private const string Version = "W/\"datetime'2026-03-10T08%3A00%3A00.1234567Z'\"";

    private static readonly string Tag = ETags.Format(Version);

    [Fact]
    public void HitsTheTagItIssuedAloneInAListWeakOrAsAStar()
    {
        Assert.True(ETags.IfNoneMatchHits(Tag, Version));
        Assert.True(ETags.IfNoneMatchHits($"\"older\", {Tag}", Version));
        Assert.True(ETags.IfNoneMatchHits("W/" + Tag, Version));
        Assert.True(ETags.IfNoneMatchHits("*", Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"older\"")]
    [InlineData("unquoted")]
    public void MissesNoHeaderAnotherTagOrAMalformedOne(string header) =>
        Assert.False(ETags.IfNoneMatchHits(header.Length == 0 ? StringValues.Empty : new StringValues(header), Version));
}
