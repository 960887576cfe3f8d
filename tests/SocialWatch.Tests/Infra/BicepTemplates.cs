using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Infra;

/// <summary>infra/ builds and lints clean with the pinned Bicep CLI, and its parameter files build.</summary>
public sealed class BicepTemplates(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    /// <summary>What a parameter file reads from the environment (infra/README.md lists them).</summary>
    public static readonly IReadOnlyDictionary<string, string?> DeploymentEnvironment = new Dictionary<string, string?>
    {
        ["SOCIALWATCH_SMTP_HOST"] = "smtp.example.com",
        ["SOCIALWATCH_SMTP_PORT"] = "465",
        ["SOCIALWATCH_SMTP_USERNAME"] = "socialwatch",
        ["SOCIALWATCH_SMTP_FROM"] = "SocialWatch <alerts@example.com>",
        ["SOCIALWATCH_CORS_ORIGINS"] = "https://www.example.com,https://shop.example.com",
        ["SOCIALWATCH_VAULT_OPERATOR_ID"] = null,
    };

    [Fact]
    public void MainBuildsWithoutErrorsOrWarnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.ToString());
        // Bicep prints warnings and errors on stderr and still exits 0 for warnings.
        Assert.True(compiled.Build.Error.Length == 0, compiled.Build.ToString());
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)compiled.Template["$schema"]);
    }

    [Fact]
    public async Task MainLintsClean()
    {
        var lint = await BicepCli.RunAsync(["lint", BicepCli.Infra("main.bicep")]);

        Assert.True(lint.ExitCode == 0 && lint.Output.Length == 0 && lint.Error.Length == 0, lint.ToString());
    }

    [Theory]
    [InlineData("dev", "Standard_LRS")]
    [InlineData("prod", "Standard_ZRS")]
    public async Task ParameterFileBuildsAndLintsClean(string environment, string storageSku)
    {
        var file = BicepCli.Infra($"main.{environment}.bicepparam");

        var build = await BicepCli.RunAsync(["build-params", file, "--stdout"], DeploymentEnvironment);
        var lint = await BicepCli.RunAsync(["lint", file], DeploymentEnvironment);

        Assert.True(build.ExitCode == 0 && build.Error.Length == 0, build.ToString());
        Assert.True(lint.ExitCode == 0 && lint.Output.Length == 0 && lint.Error.Length == 0, lint.ToString());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(build.Output)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal(environment, (string?)parameters["environmentName"]!["value"]);
        Assert.Equal(storageSku, (string?)parameters["storageSku"]!["value"]);
        Assert.Equal("smtp.example.com", (string?)parameters["smtpHost"]!["value"]);
        Assert.Equal(465, (int)parameters["smtpPort"]!["value"]!);
        Assert.Equal(["https://www.example.com", "https://shop.example.com"], parameters["corsAllowedOrigins"]!["value"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(string.Empty, (string?)parameters["vaultOperatorPrincipalId"]!["value"]);
        Assert.Equal("0 */2 * * * *", (string?)parameters["outboxSchedule"]!["value"]);
        // The runtime follows the worker's build, not the environment: a parameter file must not pin another one.
        Assert.Null(parameters["runtimeVersion"]);
    }

    [Fact]
    public async Task ParameterFileRefusesAMissingSmtpHost()
    {
        var environment = new Dictionary<string, string?>(DeploymentEnvironment) { ["SOCIALWATCH_SMTP_HOST"] = null };

        var build = await BicepCli.RunAsync(["build-params", BicepCli.Infra("main.prod.bicepparam"), "--stdout"], environment);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("SOCIALWATCH_SMTP_HOST", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageAllowsOnlyIdentityAccessOverTls12()
    {
        var properties = compiled.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("None", (string?)compiled.Single("Microsoft.Storage/storageAccounts/blobServices/containers")["properties"]!["publicAccess"]);
    }

    [Fact]
    public void FunctionAppIsAFlexConsumptionIsolatedWorkerDeployedWithItsIdentity()
    {
        var plan = compiled.Single("Microsoft.Web/serverfarms");
        var app = compiled.Single("Microsoft.Web/sites");
        var config = app["properties"]!["functionAppConfig"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("[parameters('runtimeVersion')]", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.NotNull(app["properties"]!["keyVaultReferenceIdentity"]);
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
        Assert.NotNull(app["properties"]!["siteConfig"]!["cors"]!["allowedOrigins"]);
        Assert.All(compiled.ResourcesOf("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), policy => Assert.False((bool)policy["properties"]!["allow"]!));
    }

    [Fact]
    public void RuntimeVersionIsTheWorkersTargetFramework()
    {
        // The package is framework-dependent: the platform's .NET must be the one the worker was built for (net10.0 → 10.0).
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(AppHost.WorkerDirectory, "SocialWatch.Functions.runtimeconfig.json")))!;
        var targetFramework = (string?)runtimeConfig["runtimeOptions"]!["tfm"];

        Assert.Equal("10.0", MainDefault("runtimeVersion"));
        Assert.Equal(targetFramework, "net" + MainDefault("runtimeVersion"));
        Assert.Equal("[parameters('runtimeVersion')]", (string?)FunctionAppModule()["properties"]!["parameters"]!["runtimeVersion"]!["value"]);
    }

    [Theory]
    [InlineData("SWEEP_SCHEDULE", "sweepSchedule", "0 0 */6 * * *")]
    [InlineData("COLLECT_SCHEDULE", "collectSchedule", "0 0 * * * *")]
    [InlineData("AUDIT_SCHEDULE", "auditSchedule", "0 30 3 * * *")]
    [InlineData("OUTBOX_SCHEDULE", "outboxSchedule", "0 */2 * * * *")]
    public void ScheduleSettingComesFromItsParameter(string setting, string parameter, string schedule)
    {
        var appSettings = compiled.ResourcesOf("Microsoft.Web/sites/config")
            .Single(config => ((string?)config["name"])?.Contains("'appsettings'", StringComparison.Ordinal) == true)["properties"]!;

        Assert.Equal($"[parameters('{parameter}')]", (string?)appSettings[setting]);
        Assert.Equal($"[parameters('{parameter}')]", (string?)FunctionAppModule()["properties"]!["parameters"]![parameter]!["value"]);
        Assert.Equal(schedule, MainDefault(parameter));
    }

    [Fact]
    public void MonitoringAndVaultAcceptOnlyEntraId()
    {
        Assert.True((bool)compiled.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.NotNull(compiled.Single("Microsoft.Insights/components")["properties"]!["WorkspaceResourceId"]);
        Assert.True((bool)compiled.Single("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!);
    }

    [Fact]
    public void AppIdentityHoldsOnlyDataRoles()
    {
        // Built-in role ids: the five data roles the app uses, and Secrets Officer for the operator who writes the secrets.
        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", // Key Vault Secrets Officer (operator, optional)
        ];
        var roles = compiled.Module("roles");
        var referenced = roles["variables"]!.AsObject()
            .SelectMany(variable => variable.Value is JsonObject group ? group.Select(g => (string?)g.Value) : [(string?)variable.Value])
            .Where(value => Guid.TryParse(value, out _))
            .ToHashSet();

        Assert.Equal(expected.Order(), referenced.Order());
        Assert.Equal(4, compiled.ResourcesOf("Microsoft.Authorization/roleAssignments").Count());
        // Owner, Contributor, Storage Account Contributor, Key Vault Administrator: control-plane roles the app never needs.
        Assert.All(
            ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42dd-b4a4-bfc1cdb6c4b4", "17d1049b-9a84-46fb-8f53-869881c3d3ab", "00482a5a-887f-4fb3-b363-3b7fe8e74483"],
            role => Assert.DoesNotContain(role, compiled.Build.Output, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A parameter's default in main.bicep.</summary>
    private string? MainDefault(string parameter) => (string?)compiled.Template["parameters"]![parameter]!["defaultValue"];

    private JsonObject FunctionAppModule() =>
        compiled.ResourcesOf("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "functionApp");
}
