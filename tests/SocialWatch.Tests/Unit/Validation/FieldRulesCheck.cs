using SocialWatch.Validation;

namespace SocialWatch.Tests.Unit.Validation;

public class FieldRulesCheck
{
    [Theory]
    [InlineData("ann@rose.example", true)]
    [InlineData("ann.rose+social@mail.rose.example", true)]
    [InlineData("ann", false)]
    [InlineData("ann@localhost", false)]
    [InlineData("Ann <ann@rose.example>", false)]
    [InlineData("ann @rose.example", false)]
    [InlineData("@rose.example", false)]
    public void AcceptsOnlyPlainEmailAddresses(string email, bool valid)
    {
        var errors = new ValidationErrors();

        var result = errors.OptionalEmail("email", email);

        Assert.Equal(valid, result is not null);
        Assert.Equal(valid, errors.IsEmpty);
    }

    [Theory]
    [InlineData("https://rose.example/", true)]
    [InlineData("http://rose.example:8080/path?q=1", true)]
    [InlineData("ftp://rose.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative/path", false)]
    [InlineData("rose.example", false)]
    [InlineData("https://user:secret@rose.example/", false)]
    public void AcceptsOnlyAbsoluteHttpUrls(string url, bool valid)
    {
        var errors = new ValidationErrors();

        var result = errors.OptionalHttpUrl("url", url);

        Assert.Equal(valid, result is not null);
        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void TrimsTextAndRefusesControlCharacters()
    {
        var errors = new ValidationErrors();

        Assert.Equal("Rose", errors.RequiredText("name", "  Rose ", 10));
        Assert.Null(errors.RequiredText("label", "a\u0000b", 10));
        Assert.Null(errors.RequiredText("long", new string('x', 11), 10));
        Assert.Equal(["label", "long"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StatesTheBoundsOfANumber()
    {
        var errors = new ValidationErrors();

        Assert.Null(errors.Number("rate", 0, 0, 100));
        Assert.Equal(0, errors.Number("baseline", 0, 0, 100, minimumAllowed: true));
        Assert.Null(errors.Number("cap", 100.5, 0, 100));

        Assert.Equal("must be more than 0 and at most 100", Assert.Single(errors.ToDictionary()["rate"]));
        Assert.False(errors.Has("baseline"));
    }
}
