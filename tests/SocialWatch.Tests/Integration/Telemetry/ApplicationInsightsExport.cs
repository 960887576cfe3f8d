using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SocialWatch.Functions.Telemetry;
using SocialWatch.Telemetry;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Telemetry;

/// <summary>
/// With APPLICATIONINSIGHTS_CONNECTION_STRING set, the app's metrics, traces and logs reach Application Insights' ingestion
/// API: here a loopback server standing in for it at the connection string's IngestionEndpoint.
/// </summary>
public sealed partial class ApplicationInsightsExport : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> received = new();
    private LoopbackSite? ingestion;

    public async ValueTask InitializeAsync()
    {
        // The exporter's own usage reports ("statsbeat") go to a Microsoft endpoint, never to the connection string's.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        ingestion = await LoopbackSite.StartAsync(app =>
        {
            app.MapPost("/v2.1/track", async (HttpRequest request) =>
            {
                var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
                using var reader = new StreamReader(body);
                var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                foreach (var line in lines)
                {
                    received.Enqueue(line);
                }

                return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
            });
        });
    }

    [Fact]
    public async Task MetricsTracesAndLogsReachTheIngestionEndpoint()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={ingestion!.BaseAddress};LiveEndpoint={ingestion.BaseAddress}",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddTelemetry();
        builder.Services.AddSocialWatchMetrics();
        // Only what this test sends, only to loopback: no live metrics stream, no disk buffer (SDK self-reporting is off below);
        // every trace kept (the default rate limit may drop the first traces after start).
        builder.Services.Configure<AzureMonitorExporterOptions>(options =>
        {
            options.TracesPerSecond = null;
            options.SamplingRatio = 1.0F;
            options.EnableLiveMetrics = false;
            options.DisableOfflineStorage = true;
        });
        await using var app = builder.Build();
        // The exporter registers its trace and log exporters from a hosted service: the app must start, as it does in Azure.
        await app.StartAsync(TestContext.Current.CancellationToken);
        var meterProvider = app.Services.GetRequiredService<MeterProvider>();
        var tracerProvider = app.Services.GetRequiredService<TracerProvider>();
        var loggerProvider = app.Services.GetRequiredService<LoggerProvider>();
        var marker = Guid.NewGuid().ToString("N");

        app.Services.GetRequiredService<SocialWatchMetrics>().RecordCheck("moved");
        using (var source = new ActivitySource("SocialWatch.Tests"))
        using (source.StartActivity("SweepProfiles " + marker))
        {
            LogMarker(app.Services.GetRequiredService<ILogger<ApplicationInsightsExport>>(), marker);
        }

        Assert.True(meterProvider.ForceFlush(10_000) && tracerProvider.ForceFlush(10_000) && loggerProvider.ForceFlush(10_000), "The exporters did not flush.");
        await WaitUntilAsync(() =>
            received.Any(item => item.Contains("\"socialwatch.checks\"", StringComparison.Ordinal) && item.Contains("moved", StringComparison.Ordinal))
            && received.Any(item => item.Contains("SweepProfiles " + marker, StringComparison.Ordinal))
            && received.Any(item => item.Contains("MessageData", StringComparison.Ordinal) && item.Contains("Marker " + marker, StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        if (ingestion is not null)
        {
            await ingestion.DisposeAsync();
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not everything reached the ingestion endpoint; it received:\n" + string.Join('\n', received));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marker {Marker}")]
    private static partial void LogMarker(ILogger logger, string marker);
}
