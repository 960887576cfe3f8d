using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Fetching;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>Per-host concurrency and minimum interval, as a host sees them.</summary>
public sealed class HostPolitenessLimits(FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    [Fact]
    public async Task NeverSendsAHostMoreThanItsConcurrencyAtOnce()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:PerHostConcurrency", "2")));
        var fetcher = services.GetRequiredService<PageFetcher>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            fetcher.FetchAsync(fakes.Url("flaky.test", "/in-flight?ms=300&id=concurrency"), cancellationToken: TestContext.Current.CancellationToken)));

        Assert.All(outcomes, o => Assert.Equal(200, o.Status));
        Assert.Equal(2, fakes.MaxInFlight("concurrency"));
    }

    [Fact]
    public async Task SpacesRequestStartsToAHostByTheMinimumInterval()
    {
        using var services = ChecksServices.Build(fakes.Settings(
            ("SocialWatch:Checks:PerHostConcurrency", "2"),
            ("SocialWatch:Checks:MinimumInterval", "00:00:00.600")));
        var fetcher = services.GetRequiredService<PageFetcher>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            fetcher.FetchAsync(fakes.Url("flaky.test", $"/ok?id=interval-{i}"), cancellationToken: TestContext.Current.CancellationToken)));

        var starts = fakes.Requests.Where(r => r.PathAndQuery.StartsWith("/ok?id=interval-", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
        Assert.Equal(4, starts.Count);
        // Arrival times carry connection set-up and scheduling jitter (over 100 ms on a loaded machine); the starts are
        // spaced exactly, so the run spans three intervals and no two arrivals come close (unspaced, all four land within milliseconds).
        Assert.True(starts[^1] - starts[0] >= TimeSpan.FromMilliseconds(1700), $"four requests within {(starts[^1] - starts[0]).TotalMilliseconds} ms");
        Assert.All(starts.Zip(starts.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(300), $"two requests {gap.TotalMilliseconds} ms apart"));
    }

    [Fact]
    public async Task OtherHostsAreNotHeldByABusyOne()
    {
        using var services = ChecksServices.Build(fakes.Settings(("SocialWatch:Checks:MinimumInterval", "00:00:01")));
        var checker = services.GetRequiredService<ProfileChecker>();

        var busy = Enumerable.Range(0, 3).Select(i => checker.CheckAsync(new ProfileTarget(fakes.Url("flaky.test", $"/ok?id=busy-{i}")), TestContext.Current.CancellationToken)).ToList();
        var other = await checker.CheckAsync(new ProfileTarget(fakes.Url("medium.com", "/@acme")), TestContext.Current.CancellationToken);
        await Task.WhenAll(busy);

        Assert.True(other.Evidence.Elapsed < TimeSpan.FromSeconds(0.9), $"medium.com waited {other.Evidence.Elapsed} behind flaky.test");
    }

    [Fact]
    public async Task AQueueLongerThanTheTotalTimeoutIsRescheduledNotFailed()
    {
        using var services = ChecksServices.Build(fakes.Settings(
            ("SocialWatch:Checks:PerHostConcurrency", "1"),
            ("SocialWatch:Checks:MinimumInterval", "00:00:00.400"),
            ("SocialWatch:Checks:AttemptTimeout", "00:00:00.500"),
            ("SocialWatch:Checks:TotalTimeout", "00:00:00.700"),
            ("SocialWatch:Checks:MaxRetryAfterWait", "00:00:00.100")));
        var checker = services.GetRequiredService<ProfileChecker>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            checker.CheckAsync(new ProfileTarget(fakes.Url("flaky.test", $"/ok?id=queue-{i}")), TestContext.Current.CancellationToken)));

        Assert.Contains(results, r => r.Class == CheckClass.Alive);
        var queued = Assert.Single(results.Where(r => r.Class != CheckClass.Alive).Select(r => r.Evidence.RuleId).Distinct());
        Assert.Equal("host-busy", queued);
        Assert.All(results.Where(r => r.Class != CheckClass.Alive), r => Assert.Equal(CheckClass.RateLimited, r.Class));
        Assert.All(results.Where(r => r.Class == CheckClass.RateLimited), r => Assert.NotNull(r.Evidence.RetryAt));
    }
}
