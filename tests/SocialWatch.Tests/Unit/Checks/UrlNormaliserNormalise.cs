using SocialWatch.Checks.Links;
using SocialWatch.Checks.Rules;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class UrlNormaliserNormalise
{
    private static readonly UrlNormaliser Normaliser = new(ProfileRuleSet.LoadEmbedded());

    [Theory]
    [InlineData("https://www.facebook.com/acme/", "https://facebook.com/acme")]
    [InlineData("http://m.facebook.com/acme", "https://facebook.com/acme")]
    [InlineData("HTTPS://WWW.INSTAGRAM.COM/Acme/", "https://instagram.com/Acme")]
    [InlineData("https://www.youtube.com/@acme?si=abc&utm_medium=social#about", "https://youtube.com/@acme")]
    [InlineData("https://www.facebook.com/profile.php?id=100&fbclid=x", "https://facebook.com/profile.php?id=100")]
    [InlineData("https://www.facebook.com/acme?__cft__[0]=AZ&__tn__=R", "https://facebook.com/acme")]
    [InlineData("https://x.com/acme?ref_src=twsrc", "https://x.com/acme")]
    [InlineData("https://www.acme-bakery.test:443/about/?page=2&utm_campaign=x", "https://acme-bakery.test/about?page=2")]
    [InlineData("http://acme-bakery.test/", "http://acme-bakery.test/")]
    [InlineData("http://www.facebook.com:8080/acme", "https://facebook.com:8080/acme")]
    public void GivesOneSpellingPerAddress(string url, string normalised) =>
        Assert.Equal(new Uri(normalised), Normaliser.Normalise(new Uri(url)));
}
