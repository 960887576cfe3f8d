using Microsoft.Extensions.Time.Testing;
using SocialWatch.Businesses;
using SocialWatch.Validation;

namespace SocialWatch.Tests.Unit.Businesses;

public class BusinessRulesValidate
{
    private static BusinessInput Valid() => new(
        "Rosé Bakery",
        ["https://rose.example/"],
        Audience.Consumer,
        "Europe/Paris",
        new PersonInput("Ann Rose", "ann@rose.example"),
        ["https://rose.example"]);

    private static (Business? Business, IReadOnlyDictionary<string, string[]> Errors) Validate(BusinessInput input)
    {
        var errors = new ValidationErrors();
        var business = BusinessRules.Validate(input, "rose-bakery", DateTimeOffset.UnixEpoch, errors);
        return (business, errors.ToDictionary());
    }

    [Fact]
    public void AcceptsAValidBusiness()
    {
        var (business, errors) = Validate(Valid());

        Assert.Empty(errors);
        Assert.Equal("rose-bakery", business!.Id);
        Assert.Equal(Audience.Consumer, business.Audience);
    }

    [Fact]
    public void NormalisesOriginsToSchemeHostAndPort()
    {
        var (business, _) = Validate(Valid() with { AllowedOrigins = ["HTTPS://Shop.Rose.example/", "http://localhost:8080"] });

        Assert.Equal(["https://shop.rose.example", "http://localhost:8080"], business!.AllowedOrigins);
    }

    [Fact]
    public void TreatsMissingAllowedOriginsAsNone()
    {
        var (business, errors) = Validate(Valid() with { AllowedOrigins = null });

        Assert.Empty(errors);
        Assert.Empty(business!.AllowedOrigins);
    }

    [Theory]
    [InlineData("https://rose.example/shop")]
    [InlineData("https://rose.example?x=1")]
    [InlineData("ftp://rose.example")]
    [InlineData("rose.example")]
    public void RejectsAnOriginThatIsNotOne(string origin)
    {
        var (_, errors) = Validate(Valid() with { AllowedOrigins = [origin] });

        Assert.Equal(["allowedOrigins[0]"], errors.Keys);
    }

    [Fact]
    public void RequiresAtLeastOneWebsite()
    {
        var (_, errors) = Validate(Valid() with { Websites = [] });

        Assert.Equal(["websites"], errors.Keys);
    }

    [Fact]
    public void RejectsTheSameWebsiteTwice()
    {
        var (_, errors) = Validate(Valid() with { Websites = ["https://rose.example/", "https://ROSE.example/"] });

        Assert.Equal(["websites"], errors.Keys);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("europe/paris")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void RejectsATimeZoneThatIsNotAnExactIanaId(string timeZone)
    {
        var (_, errors) = Validate(Valid() with { TimeZone = timeZone });

        Assert.Equal(["timeZone"], errors.Keys);
    }

    [Fact]
    public void ReportsEachMissingField()
    {
        var (_, errors) = Validate(new BusinessInput(null, null, null, null, null));

        Assert.Equal(["audience", "name", "owner", "timeZone", "websites"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReportsTheOwnersFieldsByPath()
    {
        var (_, errors) = Validate(Valid() with { Owner = new PersonInput(" ", "Ann <ann@rose.example>") });

        Assert.Equal(["owner.email", "owner.name"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Café Rosé & Co", "cafe-rose-co")]
    [InlineData("  The  Bakery!! ", "the-bakery")]
    [InlineData("Ünïcödé Łódź", "unicode-odz")]
    public void MakesTheIdFromTheName(string name, string id) => Assert.Equal(id, BusinessRules.IdFromName(name));

    [Theory]
    [InlineData("A")]
    [InlineData("日本")]
    [InlineData("")]
    public void MakesARandomIdWhenTheNameHasTooFewLettersOrDigits(string name)
    {
        var id = BusinessRules.IdFromName(name);

        Assert.StartsWith("business-", id, StringComparison.Ordinal);
        Assert.True(BusinessRules.IsId(id), id);
    }

    [Fact]
    public void KeepsMadeIdsWithinTheLengthLimit()
    {
        var id = BusinessRules.IdFromName(new string('a', 30) + " " + new string('b', 30));

        Assert.Equal(BusinessRules.MaxIdLength, id.Length);
        Assert.True(BusinessRules.IsId(BusinessRules.WithRandomSuffix(id)));
        Assert.True(BusinessRules.IsId(BusinessRules.WithRandomSuffix(new string('a', 34) + "-bbbbb")));
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("rose-bakery-2", true)]
    [InlineData("ab", false)]
    [InlineData("-rose", false)]
    [InlineData("rose-", false)]
    [InlineData("Rose", false)]
    [InlineData("rose_bakery", false)]
    [InlineData("a234567890123456789012345678901234567890", true)]
    [InlineData("a2345678901234567890123456789012345678901", false)]
    public void AcceptsOnlySlugIds(string id, bool valid) => Assert.Equal(valid, BusinessRules.IsId(id));

    [Theory]
    [InlineData("Pacific/Auckland", "2026-01-02")]
    [InlineData("America/New_York", "2026-01-01")]
    [InlineData("UTC", "2026-01-01")]
    public void ReadsTodayOnTheBusinessesClock(string timeZone, string today)
    {
        var business = BusinessRules.Validate(Valid() with { TimeZone = timeZone }, "rose-bakery", DateTimeOffset.UnixEpoch, new ValidationErrors())!;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 20, 30, 0, TimeSpan.Zero));

        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), business.Today(time));
    }
}
