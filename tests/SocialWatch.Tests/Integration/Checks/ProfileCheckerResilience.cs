using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Fetching;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>Slow answers, 429s, bursts of 5xx, dropped connections and redirect chains from a flaky host: the class of each.</summary>
public sealed class ProfileCheckerResilience(FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    [Fact]
    public async Task ASlowAnswerIsTransientAfterItsRetries()
    {
        using var services = Build(("SocialWatch:Checks:AttemptTimeout", "00:00:00.300"), ("SocialWatch:Checks:MaxRetries", "1"));

        var result = await Check(services, "/slow?ms=5000&id=slow");

        Assert.Equal((CheckClass.Transient, "attempt-timeout", 2), (result.Class, result.Evidence.RuleId, result.Evidence.Attempts));
        Assert.InRange(result.Evidence.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task TheTotalTimeoutEndsAFetchThatKeepsFailing()
    {
        using var services = Build(
            ("SocialWatch:Checks:AttemptTimeout", "00:00:00.400"),
            ("SocialWatch:Checks:TotalTimeout", "00:00:00.600"),
            ("SocialWatch:Checks:MaxRetryAfterWait", "00:00:00.100"),
            ("SocialWatch:Checks:MaxRetries", "5"));

        var result = await Check(services, "/slow?ms=5000&id=total");

        Assert.Equal((CheckClass.Transient, "total-timeout"), (result.Class, result.Evidence.RuleId));
        Assert.InRange(result.Evidence.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AShortRetryAfterIsWaitedOutAndRetried()
    {
        using var services = Build();

        var result = await Check(services, "/retry-after?seconds=1&times=1&id=short");

        Assert.Equal((CheckClass.Alive, 2), (result.Class, result.Evidence.Attempts));
        Assert.True(result.Evidence.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited only {result.Evidence.Elapsed}");
    }

    [Fact]
    public async Task ALongRetryAfterIsRateLimitedWithItsTimeAndHoldsTheHost()
    {
        using var services = Build();
        var before = DateTimeOffset.UtcNow;

        var result = await Check(services, "/retry-after?seconds=3600&times=1&id=long");
        var next = await Check(services, "/ok?id=after-long");

        Assert.Equal((CheckClass.RateLimited, "http-429", 1), (result.Class, result.Evidence.RuleId, result.Evidence.Attempts));
        Assert.InRange(result.Evidence.RetryAt!.Value, before.AddSeconds(3595), DateTimeOffset.UtcNow.AddSeconds(3605));
        Assert.Equal((CheckClass.RateLimited, "host-deferred", 0), (next.Class, next.Evidence.RuleId, next.Evidence.Attempts));
        Assert.Equal(result.Evidence.RetryAt, next.Evidence.RetryAt);
        Assert.Equal(0, fakes.CountRequests("flaky.test", "/ok?id=after-long"));
    }

    [Fact]
    public async Task ABurstOf5xxIsRetriedThrough()
    {
        using var services = Build();

        var result = await Check(services, "/status?code=503&times=2&id=burst");

        Assert.Equal((CheckClass.Alive, 3), (result.Class, result.Evidence.Attempts));
    }

    [Fact]
    public async Task Persistent5xxIsTransient()
    {
        using var services = Build();

        var result = await Check(services, "/status?code=500&id=persistent");

        Assert.Equal((CheckClass.Transient, "http-5xx", 500, 3), (result.Class, result.Evidence.RuleId, result.Evidence.Status, result.Evidence.Attempts));
    }

    [Fact]
    public async Task A404IsNotRetried()
    {
        using var services = Build();

        var result = await Check(services, "/status?code=404&id=missing");

        Assert.Equal((CheckClass.Dead, "http-404-410", 1), (result.Class, result.Evidence.RuleId, result.Evidence.Attempts));
    }

    [Fact]
    public async Task DroppedConnectionsAreTransient()
    {
        using var services = Build();

        var result = await Check(services, "/drop?id=dropped");

        Assert.Equal((CheckClass.Transient, "connection-failed", 3), (result.Class, result.Evidence.RuleId, result.Evidence.Attempts));
    }

    [Fact]
    public async Task AConnectionDroppedOnceIsRetriedThrough()
    {
        using var services = Build();

        var result = await Check(services, "/drop?times=1&id=dropped-once");

        Assert.Equal((CheckClass.Alive, 2), (result.Class, result.Evidence.Attempts));
    }

    [Fact]
    public async Task TenRedirectsAreFollowed()
    {
        using var services = Build();

        var result = await Check(services, "/redirects?n=10");

        Assert.Equal(CheckClass.Alive, result.Class);
        Assert.Equal(10, result.Evidence.Hops.Count);
        Assert.Equal("?n=0", result.Evidence.FinalUrl.Query);
    }

    [Fact]
    public async Task AnEleventhRedirectIsRefused()
    {
        using var services = Build();

        var result = await Check(services, "/redirects?n=11");

        Assert.Equal((CheckClass.Blocked, "redirect-limit", 10), (result.Class, result.Evidence.RuleId, result.Evidence.Hops.Count));
    }

    [Fact]
    public async Task ABodyIsReadOnlyUpToTheCap()
    {
        using var services = Build(("SocialWatch:Checks:MaxBodyBytes", "65536"));
        var fetcher = services.GetRequiredService<PageFetcher>();

        var small = await Check(services, "/big?bytes=1000");
        var large = await Check(services, "/big?bytes=2000000");
        var outcome = await fetcher.FetchAsync(fakes.Url("flaky.test", "/big?bytes=2000000"), cancellationToken: TestContext.Current.CancellationToken);

        // The challenge marker after the filler is seen in a small page, and never downloaded from a large one.
        Assert.Equal("bot-challenge-page", small.Evidence.RuleId);
        Assert.Equal("http-401-403-451", large.Evidence.RuleId);
        Assert.True(outcome.BodyTruncated);
        Assert.InRange(outcome.Body.Length, 60_000, 65_536);
    }

    private ServiceProvider Build(params (string Key, string? Value)[] settings) => ChecksServices.Build(fakes.Settings(settings));

    private Task<CheckResult> Check(ServiceProvider services, string pathAndQuery) =>
        services.GetRequiredService<ProfileChecker>().CheckAsync(new ProfileTarget(fakes.Url("flaky.test", pathAndQuery)), TestContext.Current.CancellationToken);
}
