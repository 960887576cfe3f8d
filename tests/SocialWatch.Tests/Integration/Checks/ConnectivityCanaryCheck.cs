using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>The connectivity canary against real loopback hosts, and the sweep guard it feeds.</summary>
public sealed class ConnectivityCanaryCheck(FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    [Fact]
    public async Task AnAnsweringCanaryLetsTheSweepStand()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:SweepGuard:CanaryUrls:0", fakes.Url("canary.test", "/").ToString())));

        var canary = await services.GetRequiredService<ConnectivityCanary>().CheckAsync(TestContext.Current.CancellationToken);
        var verdict = services.GetRequiredService<SweepGuard>().Evaluate(canary, []);

        Assert.Equal(CheckClass.Alive, canary.Class);
        Assert.False(verdict.IsVoid, verdict.Reason);
    }

    [Fact]
    public async Task ASilentCanaryVoidsTheSweep()
    {
        // Nothing listens on the fakes' port at 127.0.0.99: the connection is refused, as when the checker is offline.
        using var services = ChecksServices.Build(fakes.Settings(
            ("SocialWatch:Checks:SweepGuard:CanaryUrls:0", $"http://127.0.0.99:{fakes.Port}/"),
            ("SocialWatch:Checks:MaxRetries", "0")));

        var canary = await services.GetRequiredService<ConnectivityCanary>().CheckAsync(TestContext.Current.CancellationToken);
        var verdict = services.GetRequiredService<SweepGuard>().Evaluate(canary, []);

        Assert.Equal(CheckClass.Transient, canary.Class);
        Assert.True(verdict.IsVoid);
        Assert.Contains("connectivity canary", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredCanariesReplaceTheDefault()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:SweepGuard:CanaryUrls:0", fakes.Url("canary.test", "/").ToString())));

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SweepGuardOptions>>().Value;

        Assert.Equal([fakes.Url("canary.test", "/")], options.CanaryUrls);
    }
}
