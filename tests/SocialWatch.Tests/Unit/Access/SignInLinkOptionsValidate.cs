using SocialWatch.Access;

namespace SocialWatch.Tests.Unit.Access;

/// <summary>The sign-in link settings the app refuses to start with, each with a message naming the setting.</summary>
public sealed class SignInLinkOptionsValidate
{
    private const string Key = "unit-link-signing-key-0123456789abcdefghijklmnop";

    [Theory]
    [InlineData("", "SocialWatch:SignInLinks:SigningKey is required and must be at least 32 characters")]
    [InlineData(" ", "or as the environment variable SocialWatch__SignInLinks__SigningKey")]
    [InlineData("short-link-key-0123456789abcdef", "SocialWatch:SignInLinks:SigningKey is required and must be at least 32 characters")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/link-signing-key/)", "SocialWatch:SignInLinks:SigningKey is an unresolved Key Vault reference")]
    public void RefusesAMissingShortOrUnresolvedSigningKey(string key, string message)
    {
        var result = Validate(new SignInLinkOptions { SigningKey = key });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAPreviousKeyThatIsShortOrTheSameAsTheCurrentOne()
    {
        var shortPrevious = Validate(new SignInLinkOptions { SigningKey = Key, PreviousSigningKey = "too-short" });
        var samePrevious = Validate(new SignInLinkOptions { SigningKey = Key, PreviousSigningKey = Key });

        Assert.Contains("SocialWatch:SignInLinks:PreviousSigningKey must be at least 32 characters", shortPrevious.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PreviousSigningKey is the same as SigningKey", samePrevious.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:59:00")]
    [InlineData("31.00:00:00")]
    public void RefusesALifetimeOutsideAnHourToThirtyDays(string lifetime)
    {
        var result = Validate(new SignInLinkOptions { SigningKey = Key, Lifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("SocialWatch:SignInLinks:Lifetime must be from 01:00:00 to 30 days", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://socialwatch.example/api/dashboard")]
    [InlineData("https://socialwatch.example/api/dashboard#link=x")]
    [InlineData("https://socialwatch.example/api/dashboard?key=x")]
    public void RefusesADashboardUrlThatIsNotAPlainWebAddress(string url)
    {
        var result = Validate(new SignInLinkOptions { SigningKey = Key, DashboardUrl = new Uri(url) });

        Assert.Contains("SocialWatch:SignInLinks:DashboardUrl must be an absolute http(s) address", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsTheDefaultsWithAKeyAndPointsLinksAtTheLocalRuntime()
    {
        var options = new SignInLinkOptions { SigningKey = Key };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(TimeSpan.FromDays(7), options.Lifetime);
        Assert.Equal(new Uri("http://127.0.0.1:7071/api/dashboard"), options.DashboardUrl);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SignInLinkOptions options) => new SignInLinkOptionsValidator().Validate(null, options);
}
