using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using SocialWatch.Checks;
using SocialWatch.Checks.Fetching;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>The per-host circuit breaker trips at the polite rate (one request a second to a host), with the default settings.</summary>
public sealed class HostResilienceCircuit(FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    [Fact]
    public async Task OpensForAFailingHostAtThePoliteRate()
    {
        // Default politeness (1 s between requests to a host) and breaker settings; only the retry delay is shortened.
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:MinimumInterval", "00:00:01")));
        var checker = services.GetRequiredService<ProfileChecker>();
        var url = fakes.Url("flaky.test", "/status?code=503&id=breaker");

        var first = await checker.CheckAsync(new ProfileTarget(url), TestContext.Current.CancellationToken);
        var second = await checker.CheckAsync(new ProfileTarget(url), TestContext.Current.CancellationToken);
        var third = await checker.CheckAsync(new ProfileTarget(url), TestContext.Current.CancellationToken);

        Assert.Equal((CheckClass.Transient, "http-5xx", 3), (first.Class, first.Evidence.RuleId, first.Evidence.Attempts));
        Assert.Equal((CheckClass.Transient, "circuit-open"), (second.Class, second.Evidence.RuleId));
        Assert.Equal((CheckClass.Transient, "circuit-open", 0), (third.Class, third.Evidence.RuleId, third.Evidence.Attempts));
        Assert.InRange(third.Evidence.RetryAt!.Value, DateTimeOffset.UtcNow.AddMinutes(4.5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(4, fakes.CountRequests("flaky.test", "/status?code=503&id=breaker"));
    }

    [Fact]
    public void PollysDefaultsCouldNeverOpenAtThePoliteRate()
    {
        var ours = new FetchOptions();
        var pollyDefaults = new CircuitBreakerStrategyOptions();
        var politeRateUnderPollyWindow = FetchOptionsValidator.PoliteRequestsPerWindow(new FetchOptions { CircuitSamplingDuration = pollyDefaults.SamplingDuration });

        Assert.True(pollyDefaults.MinimumThroughput > politeRateUnderPollyWindow, "Polly's defaults would trip at one request a second");
        Assert.True(ours.CircuitMinimumThroughput <= FetchOptionsValidator.PoliteRequestsPerWindow(ours));
    }
}
