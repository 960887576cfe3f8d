using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using SocialWatch.Checks.Fetching;
using SocialWatch.Checks.Rules;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Checks;

public sealed class FetchOptionsValidate
{
    private static readonly ProfileRuleSet Rules = ProfileRuleSet.LoadEmbedded();

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData(null, false)]
    public void AllowsLoopbackOnlyInDevelopment(string? environment, bool valid)
    {
        var validator = new FetchOptionsValidator(Rules, environment is null ? null : new HostingEnvironment { EnvironmentName = environment });

        var result = validator.Validate(null, new FetchOptions { AllowLoopback = true });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void AcceptsTheDefaultsAnywhere() =>
        Assert.True(new FetchOptionsValidator(Rules, new HostingEnvironment { EnvironmentName = "Production" }).Validate(null, new FetchOptions()).Succeeded);

    [Fact]
    public void RefusesABreakerThatCouldNeverOpenAtThePoliteRate()
    {
        var result = new FetchOptionsValidator(Rules).Validate(null, new FetchOptions { MinimumInterval = TimeSpan.FromSeconds(30), CircuitMinimumThroughput = 4 });

        Assert.Contains("could never open", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchesPinnedHostNamesWhateverTheirCase()
    {
        using var services = ChecksServices.Build([KeyValuePair.Create("SocialWatch:Checks:ResolveOverrides:Pinned.Example.Test", (string?)"93.184.215.14")]);

        var addresses = await services.GetRequiredService<AddressGuard>().ResolveAllowedAsync("pinned.example.test", TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Parse("93.184.215.14")], addresses);
    }
}
