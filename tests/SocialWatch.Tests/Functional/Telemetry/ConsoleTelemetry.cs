using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Telemetry;

/// <summary>
/// A local run (no Application Insights) prints its telemetry to the console once per interval, unless told not to: the
/// worker's console, which the local host passes on as its own output.
/// </summary>
public sealed class ConsoleTelemetry(AzuriteFixture azurite)
{
    [Fact]
    public async Task LocalRunPrintsRequestMetricsOncePerInterval()
    {
        await using var app = await StartAsync(("SocialWatch:Telemetry:ConsoleInterval", "00:00:01"));
        await GetHealthAsync(app);

        await app.WaitForOutputAsync("http.route: api/health", TimeSpan.FromSeconds(30));

        Assert.Contains("Metric Name: http.server.request.duration", app.Output, StringComparison.Ordinal);
        Assert.Contains("service.name: SocialWatch", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleExporterFalseKeepsTelemetryOffTheConsole()
    {
        await using var app = await StartAsync(("SocialWatch:Telemetry:ConsoleExporter", "false"), ("SocialWatch:Telemetry:ConsoleInterval", "00:00:01"));
        await GetHealthAsync(app);

        // Three intervals' worth of time: with the exporter on, metrics would have been printed by now.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Metric Name:", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Resource associated with Metrics", app.Output, StringComparison.Ordinal);
    }

    private Task<AppHost> StartAsync(params (string Key, string? Value)[] settings)
    {
        var all = TestSettings.For(azurite, AzuriteFixture.NewPrefix());
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return AppHost.StartAsync(all);
    }

    private static async Task GetHealthAsync(AppHost app)
    {
        using var response = await app.Client.GetAsync(new Uri("api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/health answered {(int)response.StatusCode}.\n{app.Output}");
    }
}
