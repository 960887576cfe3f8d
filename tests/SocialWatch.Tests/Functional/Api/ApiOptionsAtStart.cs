using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>
/// No admin key worth the name, no start: the worker exits with a message that says what to set, and the host, which keeps
/// restarting it as the Functions host does, serves no function meanwhile.
/// </summary>
public sealed class ApiOptionsAtStart(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null)]
    [InlineData("too-short-admin-key-0123456789a")]
    public async Task RefusesToStartWithoutAStrongAdminKey(string? adminKey)
    {
        var settings = TestSettings.For(azurite, AzuriteFixture.NewPrefix());
        settings["SocialWatch:Api:AdminKey"] = adminKey ?? string.Empty;
        await using var app = AppHost.Launch(settings);

        await app.WaitForOutputAsync("SocialWatch:Api:AdminKey is required and must be at least 32 characters", TimeSpan.FromSeconds(60));

        using var health = await app.Client.GetAsync(new Uri("api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.False(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task StartsWithAKeyOfThirtyTwoCharacters()
    {
        var settings = TestSettings.For(azurite, AzuriteFixture.NewPrefix());
        settings["SocialWatch:Api:AdminKey"] = new string('k', 32);
        await using var app = await AppHost.StartAsync(settings);

        var response = await app.Client.SendAsync(HttpMethod.Get, "/api/businesses", new string('k', 32));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
