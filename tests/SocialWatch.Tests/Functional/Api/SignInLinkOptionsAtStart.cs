using System.Globalization;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>No key to sign the emails' dashboard links, no start: the app process exits with a message that says what to set.</summary>
public sealed class SignInLinkOptionsAtStart(AzuriteFixture azurite)
{
    [Fact]
    public async Task RefusesToStartWithoutALinkSigningKey()
    {
        var environment = TestSettings.AsEnvironment(TestSettings.For(azurite, AzuriteFixture.NewPrefix()));
        environment.Remove("SocialWatch__SignInLinks__SigningKey");
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:" + FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var app = AppProcess.Start(environment);

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("SocialWatch:SignInLinks:SigningKey is required and must be at least 32 characters", app.Output, StringComparison.Ordinal);
    }
}
