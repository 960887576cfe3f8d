using System.Diagnostics;
using System.Text;
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

    /// <summary>The built app (SocialWatch.Functions beside the test binaries) in local mode on a free loopback port.</summary>
    private sealed class LocalApp : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();
        private readonly int port;

        private LocalApp(Process process, int port)
        {
            this.process = process;
            this.port = port;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public static LocalApp Start(AzuriteFixture azurite, params (string Name, string Value)[] settings)
        {
            var port = FreePort.Next();
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "SocialWatch.Functions"))
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
            start.Environment.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            foreach (var (name, value) in TestSettings.AsEnvironment(TestSettings.For(azurite, AzuriteFixture.NewPrefix())))
            {
                start.Environment[name] = value;
            }

            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (name, value) in settings)
            {
                start.Environment[name] = value;
            }

            return new LocalApp(Process.Start(start) ?? throw new InvalidOperationException("The app could not be started."), port);
        }

        public async Task GetHealthAsync()
        {
            var listening = FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
            var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(await Task.WhenAny(listening, exited) == listening, $"The app stopped before listening:\n{Output}");
            await listening;
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"), TestContext.Current.CancellationToken);
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

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
