using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialWatch.Checks;
using SocialWatch.Checks.Rules;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>A host with the profile checks refuses to start when they are misconfigured, naming the setting.</summary>
public sealed class AddProfileChecksStart
{
    [Fact]
    public async Task StartsWithTheDefaults()
    {
        using var host = Build("Production");

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, host.Services.GetRequiredService<ProfileRuleSet>().Version);
    }

    [Theory]
    [InlineData("Production", "SocialWatch:Checks:AllowLoopback", "true", "AllowLoopback")]
    [InlineData("Development", "SocialWatch:Checks:MaxRedirects", "11", "MaxRedirects")]
    [InlineData("Development", "SocialWatch:Checks:CircuitMinimumThroughput", "200", "could never open")]
    [InlineData("Development", "SocialWatch:Checks:ResolveOverrides:example.test", "not-an-ip", "ResolveOverrides:example.test")]
    [InlineData("Development", "SocialWatch:Checks:ApiOrigins:nowhere", "https://api.test", "names no site")]
    [InlineData("Development", "SocialWatch:Checks:Staleness:StaleAfterIntervals", "1", "thresholds must grow")]
    [InlineData("Development", "SocialWatch:Checks:DeadDeclaration:ConsecutiveDeadResults", "0", "ConsecutiveDeadResults")]
    [InlineData("Development", "SocialWatch:Checks:SweepGuard:MaxTransientShare", "0", "MaxTransientShare")]
    [InlineData("Development", "SocialWatch:Checks:LinkAudit:MaxPages", "0", "MaxPages")]
    public async Task RefusesToStartMisconfigured(string environment, string key, string value, string named)
    {
        using var host = Build(environment, (key, value));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowsLoopbackInDevelopment()
    {
        using var host = Build("Development", ("SocialWatch:Checks:AllowLoopback", "true"));

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.True(host.Services.GetRequiredService<IOptions<SocialWatch.Checks.Fetching.FetchOptions>>().Value.AllowLoopback);
    }

    private static IHost Build(string environment, params (string Key, string Value)[] settings)
    {
        // Qualified: the local host's namespace (SocialWatch.Host) would otherwise be found first.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddProfileChecks(builder.Configuration);
        return builder.Build();
    }
}
