using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Functions;
using SocialWatch.Functions.Telemetry;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Infra;

/// <summary>
/// The app settings Bicep sets are the settings the app reads: each name Bicep sets is bound by an options class (its
/// SectionName and property, in the __ form of environment variables) or read by name by the host or the app; and each
/// setting the app needs in Azure is set.
/// </summary>
public sealed partial class AppSettingsContract(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    /// <summary>
    /// Sections whose options classes come with other issues (API keys, alert emails, check thresholds). While a section has
    /// no class, these names stand in for it; once the class exists, the names must be its properties (the test reads the
    /// class and ignores this list), so this list and the code cannot drift apart unnoticed.
    /// </summary>
    private static readonly Dictionary<string, string[]> PendingSections = new(StringComparer.Ordinal)
    {
        ["SocialWatch:Api"] = ["AdminKey"],
        ["SocialWatch:SignInLinks"] = ["SigningKey", "DashboardUrl"],
        ["SocialWatch:Smtp"] = ["Host", "Port", "UserName", "Password", "From"],
        ["SocialWatch:Checks:DeadDeclaration"] = ["ConsecutiveDeadResults", "MinimumSpan"],
    };

    /// <summary>Read by name rather than through an options class: the identity-based storage connection and telemetry.</summary>
    private static readonly string[] NamedSettings =
    [
        StorageOptions.ConnectionName + "__accountName",
        StorageOptions.ConnectionName + "__credential",
        StorageOptions.ConnectionName + "__clientId",
        TelemetryDestination.ConnectionStringSetting,
        TelemetryDestination.AuthenticationStringSetting,
    ];

    /// <summary>Schedules the timer functions will take from app settings once their function arrives (none pending now).</summary>
    private static readonly string[] PendingScheduleSettings = [];

    /// <summary>Flex Consumption rejects these: the runtime is functionAppConfig.runtime, the host version is fixed.</summary>
    private static readonly string[] RejectedByFlexConsumption = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_TIME_ZONE"];

    /// <summary>Set by the Functions host when it starts the worker, never by an app setting.</summary>
    private static readonly string[] SetByTheHost = ["FUNCTIONS_APPLICATION_DIRECTORY", "FUNCTIONS_WORKER_DIRECTORY"];

    [Fact]
    public void ReflectsTheOptionsClasses()
    {
        var bound = BoundByOptions();

        Assert.Contains("SocialWatch__Storage__Prefix", bound);
        Assert.Contains("SocialWatch__Telemetry__ConsoleExporter", bound);
        Assert.Contains("SocialWatch__Telemetry__ConsoleInterval", bound);
        Assert.DoesNotContain("SocialWatch__Storage__UsesIdentity", bound);
    }

    [Fact]
    public void EverySettingBicepSetsIsOneTheAppReads()
    {
        var read = BoundByOptions()
            .Concat(StandInsForMissingSections())
            .Concat(NamedSettings)
            .Concat(ScheduleSettings())
            .ToHashSet(StringComparer.Ordinal);

        var unread = BicepAppSettings().Select(setting => setting.Key).Where(name => !read.Contains(name)).ToList();

        Assert.True(unread.Count == 0, "Bicep sets settings no code reads (a typo, or an options property renamed?): " + string.Join(", ", unread));
    }

    [Fact]
    public void EverySettingTheAppNeedsInAzureIsSet()
    {
        var needed = PendingSections.SelectMany(section => section.Value.Select(property => EnvironmentName(section.Key, property)))
            .Concat(NamedSettings)
            .Concat(ScheduleSettings())
            .ToList();

        var missing = needed.Where(name => !BicepAppSettings().ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, "infra/modules/functionapp.bicep does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void SetsNothingTheHostOwnsOrFlexConsumptionRejects()
    {
        var settings = BicepAppSettings();

        Assert.All(RejectedByFlexConsumption.Concat(SetByTheHost), name => Assert.False(settings.ContainsKey(name), $"{name} must not be an app setting."));
    }

    [Theory]
    [InlineData("SocialWatch__Api__AdminKey")]
    [InlineData("SocialWatch__Smtp__Password")]
    [InlineData("SocialWatch__SignInLinks__SigningKey")]
    public void SecretsAreKeyVaultReferences(string setting)
    {
        var value = (string?)BicepAppSettings()[setting];

        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', reference('vault').vaultUri", value, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalSettingsExampleRunsTheIsolatedWorkerWithBicepsSchedules()
    {
        // functions/local.settings.example.json is what `func start` reads (README, infra/README.md): the worker runtime it
        // names must be the one Azure runs, and each %SETTING% a binding resolves must be there, with Azure's default.
        var values = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("functions", "local.settings.example.json")))!["Values"]!.AsObject();

        Assert.Equal("dotnet-isolated", (string?)values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("dotnet-isolated", (string?)compiled.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        Assert.All(ScheduleSettings(), name => Assert.True(
            MainDefaultOf(name) == (string?)values[name],
            $"{name} is '{values[name]}' in local.settings.example.json, '{MainDefaultOf(name)}' by default in main.bicep."));
    }

    /// <summary>Names bound from configuration by every options class of the app (a public const SectionName and settable properties).</summary>
    private static HashSet<string> BoundByOptions() =>
        OptionsClasses()
            .SelectMany(options => options.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanWrite && property.SetMethod!.IsPublic)
                .Select(property => EnvironmentName(options.Section, property.Name)))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> StandInsForMissingSections()
    {
        var sections = OptionsClasses().Select(options => options.Section).ToHashSet(StringComparer.Ordinal);
        return PendingSections.Where(section => !sections.Contains(section.Key))
            .SelectMany(section => section.Value.Select(property => EnvironmentName(section.Key, property)));
    }

    private static IEnumerable<(string Section, Type Type)> OptionsClasses() =>
        new[] { typeof(StorageOptions).Assembly, typeof(SocialWatchServices).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static), Type: type))
            .Where(candidate => candidate.Field is { IsLiteral: true } && candidate.Field.FieldType == typeof(string))
            .Select(candidate => ((string)candidate.Field!.GetRawConstantValue()!, candidate.Type));

    /// <summary>Every %NAME% the functions' bindings (functions.metadata, as the SDK generated it) resolve from app settings.</summary>
    private static IEnumerable<string> ScheduleSettings() =>
        SettingReference().Matches(File.ReadAllText(Path.Combine(AppHost.WorkerDirectory, "functions.metadata"))).Select(match => match.Groups[1].Value)
            .Concat(PendingScheduleSettings)
            .Distinct(StringComparer.Ordinal);

    /// <summary>The default in main.bicep of the parameter an app setting is set from (app setting → module parameter → main parameter).</summary>
    private string? MainDefaultOf(string setting)
    {
        var moduleParameter = ParameterReference().Match((string?)BicepAppSettings()[setting] ?? string.Empty).Groups[1].Value;
        var module = compiled.ResourcesOf("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "functionApp");
        var mainParameter = ParameterReference().Match((string?)module["properties"]!["parameters"]![moduleParameter]?["value"] ?? string.Empty).Groups[1].Value;
        return (string?)compiled.Template["parameters"]![mainParameter]?["defaultValue"];
    }

    private static string EnvironmentName(string section, string property) => section.Replace(":", "__", StringComparison.Ordinal) + "__" + property;

    private JsonObject BicepAppSettings() =>
        compiled.ResourcesOf("Microsoft.Web/sites/config").Single(config => ((string?)config["name"])?.Contains("'appsettings'", StringComparison.Ordinal) == true)["properties"]!.AsObject();

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@"^\[parameters\('([A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex ParameterReference();
}
