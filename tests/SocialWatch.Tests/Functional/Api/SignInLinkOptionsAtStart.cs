using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>No key to sign the emails' dashboard links, no start: the worker exits with a message that says what to set.</summary>
public sealed class SignInLinkOptionsAtStart(AzuriteFixture azurite)
{
    [Fact]
    public async Task RefusesToStartWithoutALinkSigningKey()
    {
        var settings = TestSettings.For(azurite, AzuriteFixture.NewPrefix());
        settings.Remove("SocialWatch:SignInLinks:SigningKey");
        await using var app = AppHost.Launch(settings);

        await app.WaitForOutputAsync("SocialWatch:SignInLinks:SigningKey is required and must be at least 32 characters", TimeSpan.FromSeconds(60));

        using var health = await app.Client.GetAsync(new Uri("api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.False(health.IsSuccessStatusCode);
    }
}
