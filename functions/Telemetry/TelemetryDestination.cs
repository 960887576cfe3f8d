namespace SocialWatch.Functions.Telemetry;

/// <summary>
/// Where telemetry goes, decided from configuration: Application Insights when its connection string is set (the Functions
/// host's own setting names), the console in a local run, or nowhere when the console output is turned off.
/// </summary>
public sealed record TelemetryDestination(TelemetryExporter Exporter, string? ConnectionString, AppInsightsAuthentication Authentication)
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static TelemetryDestination Choose(IConfiguration configuration, TelemetryOptions options)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TelemetryDestination(TelemetryExporter.ApplicationInsights, connectionString, AppInsightsAuthentication.Parse(configuration[AuthenticationStringSetting]));
        }

        return new TelemetryDestination(options.ConsoleExporter ? TelemetryExporter.Console : TelemetryExporter.None, null, AppInsightsAuthentication.InstrumentationKey);
    }
}

public enum TelemetryExporter
{
    None,
    Console,
    ApplicationInsights,
}

/// <summary>
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING as the Functions host reads it: <c>Authorization=AAD</c> (system-assigned identity)
/// or <c>Authorization=AAD;ClientId=&lt;guid&gt;</c> (user-assigned). Absent means the connection string's key alone, which
/// a component with local auth off rejects.
/// </summary>
public sealed record AppInsightsAuthentication(bool UsesEntraId, string? ClientId)
{
    public static AppInsightsAuthentication InstrumentationKey { get; } = new(false, null);

    public static AppInsightsAuthentication Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return InstrumentationKey;
        }

        string? authorization = null;
        string? clientId = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? part : part[..separator].Trim();
            var setting = separator < 0 ? string.Empty : part[(separator + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = setting;
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            {
                clientId = setting.Length == 0 ? null : setting;
            }
            else
            {
                throw new InvalidOperationException($"{TelemetryDestination.AuthenticationStringSetting} has an unknown part '{key}': expected Authorization=AAD and optionally ClientId=<client id of a user-assigned identity>.");
            }
        }

        if (!string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{TelemetryDestination.AuthenticationStringSetting} must say Authorization=AAD; it says '{value}'.");
        }

        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            throw new InvalidOperationException($"{TelemetryDestination.AuthenticationStringSetting} has ClientId '{clientId}', which is not a GUID.");
        }

        return new AppInsightsAuthentication(true, clientId);
    }
}
