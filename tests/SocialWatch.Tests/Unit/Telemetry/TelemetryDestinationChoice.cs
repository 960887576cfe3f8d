using Microsoft.Extensions.Configuration;
using SocialWatch.Functions.Telemetry;

namespace SocialWatch.Tests.Unit.Telemetry;

public sealed class TelemetryDestinationChoice
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";
    private const string ClientId = "6f1b3d52-2a8e-4c1f-9d7a-0b5e8c4a2f10";

    [Fact]
    public void ApplicationInsightsWithTheUserAssignedIdentityWhenBothSettingsAreSet()
    {
        var destination = Choose(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString,
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"Authorization=AAD;ClientId={ClientId}",
        });

        Assert.Equal(TelemetryExporter.ApplicationInsights, destination.Exporter);
        Assert.Equal(ConnectionString, destination.ConnectionString);
        Assert.Equal(new AppInsightsAuthentication(true, ClientId), destination.Authentication);
    }

    [Fact]
    public void ApplicationInsightsWinsOverTheConsoleSetting()
    {
        var destination = Choose(new() { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString, ["SocialWatch:Telemetry:ConsoleExporter"] = "true" });

        Assert.Equal(TelemetryExporter.ApplicationInsights, destination.Exporter);
        Assert.False(destination.Authentication.UsesEntraId);
    }

    [Fact]
    public void ConsoleInALocalRun()
    {
        Assert.Equal(TelemetryExporter.Console, Choose([]).Exporter);
    }

    [Fact]
    public void NowhereWhenTheConsoleIsTurnedOff()
    {
        Assert.Equal(TelemetryExporter.None, Choose(new() { ["SocialWatch:Telemetry:ConsoleExporter"] = "false" }).Exporter);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void RefusesAConsoleIntervalOutOfRange(string interval)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Choose(new() { ["SocialWatch:Telemetry:ConsoleInterval"] = interval }));

        Assert.Contains("SocialWatch:Telemetry:ConsoleInterval must be between 00:00:01 and 01:00:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization=AAD", true, null)]
    [InlineData("authorization=aad; clientid=6f1b3d52-2a8e-4c1f-9d7a-0b5e8c4a2f10", true, ClientId)]
    [InlineData("", false, null)]
    public void ParsesTheAuthenticationString(string value, bool usesEntraId, string? clientId)
    {
        Assert.Equal(new AppInsightsAuthentication(usesEntraId, clientId), AppInsightsAuthentication.Parse(value));
    }

    [Theory]
    [InlineData("Authorization=Key", "must say Authorization=AAD")]
    [InlineData("ClientId=6f1b3d52-2a8e-4c1f-9d7a-0b5e8c4a2f10", "must say Authorization=AAD")]
    [InlineData("Authorization=AAD;ClientId=my-identity", "not a GUID")]
    [InlineData("Authorization=AAD;Secret=x", "unknown part 'Secret'")]
    public void RejectsAnAuthenticationStringItCannotHonour(string value, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppInsightsAuthentication.Parse(value));

        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static TelemetryDestination Choose(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return TelemetryDestination.Choose(configuration, TelemetryOptions.Read(configuration));
    }
}
