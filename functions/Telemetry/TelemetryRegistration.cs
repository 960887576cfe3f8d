using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SocialWatch.Telemetry;

namespace SocialWatch.Functions.Telemetry;

public static class TelemetryRegistration
{
    public const string ServiceName = "SocialWatch";

    /// <summary>Every activity source of the app: "SocialWatch" and "SocialWatch.*" (the invocations' included).</summary>
    private static readonly string[] ActivitySources = [SocialWatchMetrics.MeterName, SocialWatchMetrics.MeterName + ".*"];

    /// <summary>Besides SocialWatch's meter, the console shows the worker's request and outgoing call durations only.</summary>
    private static readonly string[] ConsoleMeters = ["Microsoft.AspNetCore.Hosting", "System.Net.Http"];

    /// <summary>
    /// OpenTelemetry traces, metrics and logs. To Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set
    /// (with the managed identity APPLICATIONINSIGHTS_AUTHENTICATION_STRING names); otherwise metrics and SocialWatch's own
    /// traces to the console once per <see cref="TelemetryOptions.ConsoleInterval"/>, logs staying with the console logger.
    /// </summary>
    public static TBuilder AddTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var options = TelemetryOptions.Read(builder.Configuration);
        var destination = TelemetryDestination.Choose(builder.Configuration, options);
        if (destination.Exporter == TelemetryExporter.None)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics.AddMeter(SocialWatchMetrics.MeterName))
            .WithTracing(tracing => tracing.AddSource(ActivitySources))
            // The invocation's trace context, as the host sends it, is the parent of the function's own activities.
            .UseFunctionsWorkerDefaults();

        if (destination.Exporter == TelemetryExporter.ApplicationInsights)
        {
            telemetry
                .WithMetrics(metrics => metrics.AddHttpClientInstrumentation())
                .WithTracing(tracing => tracing.AddHttpClientInstrumentation())
                .UseAzureMonitorExporter(exporter =>
                {
                    exporter.ConnectionString = destination.ConnectionString;
                    exporter.Credential = Credential(destination.Authentication);
                });
            return builder;
        }

        // The console gets a digest: request and outgoing-call durations besides SocialWatch's own metrics, only what changed
        // since the last print (delta), and SocialWatch's traces (not one per HTTP request), all once per interval.
        var interval = (int)options.ConsoleInterval.TotalMilliseconds;
        telemetry
            .WithMetrics(metrics => metrics
                .AddMeter(ConsoleMeters)
                .AddConsoleExporter((_, reader) =>
                {
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                    reader.TemporalityPreference = MetricReaderTemporalityPreference.Delta;
                }))
            .WithTracing(tracing => tracing.AddProcessor(new BatchActivityExportProcessor(new ConsoleActivityExporter(new ConsoleExporterOptions()), scheduledDelayMilliseconds: interval)));
        return builder;
    }

    private static ManagedIdentityCredential? Credential(AppInsightsAuthentication authentication) =>
        !authentication.UsesEntraId ? null
        : authentication.ClientId is { } clientId ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
}
