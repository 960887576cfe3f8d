using System.Globalization;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>No admin key worth the name, no start: the app process exits with a message that says what to set.</summary>
public sealed class ApiOptionsAtStart(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null)]
    [InlineData("too-short-admin-key-0123456789a")]
    public async Task RefusesToStartWithoutAStrongAdminKey(string? adminKey)
    {
        var environment = TestSettings.AsEnvironment(TestSettings.For(azurite, AzuriteFixture.NewPrefix()));
        environment["SocialWatch__Api__AdminKey"] = adminKey ?? string.Empty;
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:" + FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var app = AppProcess.Start(environment);

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("SocialWatch:Api:AdminKey is required and must be at least 32 characters", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartsWithAKeyOfThirtyTwoCharacters()
    {
        using var factory = ApiHost.Create(azurite, new string('k', 32));
        using var client = factory.CreateClient();

        var response = await client.SendAsync(HttpMethod.Get, "/api/businesses", new string('k', 32));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
