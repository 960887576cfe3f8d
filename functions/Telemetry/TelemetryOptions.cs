using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Functions.Telemetry;

/// <summary>
/// Console telemetry for local runs. In Azure (APPLICATIONINSIGHTS_CONNECTION_STRING set) telemetry goes to Application
/// Insights and these settings do not apply. Turn the console output off with <c>SocialWatch__Telemetry__ConsoleExporter=false</c>.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "SocialWatch:Telemetry";

    /// <summary>Print metrics and SocialWatch's own traces (function invocations) to the console.</summary>
    public bool ConsoleExporter { get; set; } = true;

    /// <summary>How often the console shows metrics and the traces gathered since; one block per interval keeps the console readable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "SocialWatch:Telemetry:ConsoleInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ConsoleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Binds and validates at once: these settings shape the telemetry pipeline, which is built before the app starts.</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), failures, validateAllProperties: true))
        {
            throw new InvalidOperationException("The telemetry settings are invalid: " + string.Join(" ", failures.Select(f => f.ErrorMessage)));
        }

        return options;
    }
}
