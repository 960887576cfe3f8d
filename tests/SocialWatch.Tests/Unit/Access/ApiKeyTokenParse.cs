using SocialWatch.Access;

namespace SocialWatch.Tests.Unit.Access;

public class ApiKeyTokenParse
{
    [Fact]
    public void ReadsBackANewKeyWithItsIdsAndSecret()
    {
        var issued = ApiKeyToken.New("rose-bakery");

        Assert.True(ApiKeyToken.TryParse(issued.Value, out var presented));

        Assert.Equal("rose-bakery", presented.BusinessId);
        Assert.Equal(issued.KeyId, presented.KeyId);
        Assert.True(presented.Matches(issued.SecretHash));
        Assert.StartsWith("swk.rose-bakery.", issued.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotMatchAnotherKeysHash()
    {
        var first = ApiKeyToken.New("rose-bakery");
        var second = ApiKeyToken.New("rose-bakery");

        Assert.False(first.Matches(second.SecretHash));
        Assert.NotEqual(first.KeyId, second.KeyId);
    }

    [Fact]
    public void DoesNotMatchTheSameIdsWithAnotherSecret()
    {
        var issued = ApiKeyToken.New("rose-bakery");
        var forged = $"swk.rose-bakery.{issued.KeyId}.{new string('A', 43)}";

        Assert.True(ApiKeyToken.TryParse(forged, out var presented));
        Assert.False(presented.Matches(issued.SecretHash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("swk.rose-bakery.0123456789abcdef")]
    [InlineData("sk.rose-bakery.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("swk.Rose.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("swk.rose-bakery.0123456789ABCDEF.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("swk.rose-bakery.0123456789abcdef.AAAA")]
    [InlineData("swk.rose-bakery.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    [InlineData("swk.rose-bakery.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.extra")]
    public void RefusesAStringThatIsNotAKey(string text) => Assert.False(ApiKeyToken.TryParse(text, out _));
}
