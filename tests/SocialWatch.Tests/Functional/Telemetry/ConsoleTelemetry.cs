using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Telemetry;

/// <summary>A local run (no Application Insights) prints its telemetry to the console once per interval, unless told not to.</summary>
public sealed class ConsoleTelemetry(AzuriteFixture azurite)
{
    [Fact]
    public async Task LocalRunPrintsRequestMetricsOncePerInterval()
    {
        await using var app = LocalApp.Start(azurite, ("SocialWatch__Telemetry__ConsoleInterval", "00:00:01"));
        await app.GetHealthAsync();

        await app.WaitForOutputAsync("http.route: /api/health", TimeSpan.FromSeconds(30));

        Assert.Contains("Metric Name: http.server.request.duration", app.Output, StringComparison.Ordinal);
        Assert.Contains("service.name: SocialWatch", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleExporterFalseKeepsTelemetryOffTheConsole()
    {
        await using var app = LocalApp.Start(azurite, ("SocialWatch__Telemetry__ConsoleExporter", "false"), ("SocialWatch__Telemetry__ConsoleInterval", "00:00:01"));
        await app.GetHealthAsync();

        // Three intervals' worth of time: with the exporter on, metrics would have been printed by now.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Metric Name:", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Resource associated with Metrics", app.Output, StringComparison.Ordinal);
    }

    /// <summary>The built app in local mode on a free loopback port, logging warnings only so its telemetry stands out.</summary>
    private sealed class LocalApp(AppProcess process, int port) : IAsyncDisposable
    {
        public string Output => process.Output;

        public static LocalApp Start(AzuriteFixture azurite, params (string Name, string Value)[] settings)
        {
            var port = FreePort.Next();
            var environment = TestSettings.AsEnvironment(TestSettings.For(azurite, AzuriteFixture.NewPrefix()));
            environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (name, value) in settings)
            {
                environment[name] = value;
            }

            return new LocalApp(AppProcess.Start(environment), port);
        }

        public async Task GetHealthAsync()
        {
            var health = new Uri($"http://127.0.0.1:{port}/api/health");
            await process.WaitUntilAnswersAsync(health, TimeSpan.FromSeconds(30));
            using var client = new HttpClient();
            using var response = await client.GetAsync(health, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"GET /api/health answered {(int)response.StatusCode}.\n{Output}");
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, $"The app did not print '{text}' within {timeout}. It printed:\n{Output}");
                Assert.False(process.HasExited, $"The app exited with code {(process.HasExited ? process.ExitCode : 0)}:\n{Output}");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }
}
