using System.Diagnostics;
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
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SocialWatch.Functions.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["SocialWatch__Api__AdminKey"] = adminKey,
                ["SocialWatch__Smtp__Host"] = "127.0.0.1",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + FreePort.Next().ToString(CultureInfo.InvariantCulture),
            },
        };
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = app.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));

        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("SocialWatch:Api:AdminKey is required and must be at least 32 characters", await output + await errors, StringComparison.Ordinal);
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
