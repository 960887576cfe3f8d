using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>A sweep's sharded tally on Azurite: concurrent checks lose no count, and the sweep's canary comes back with it.</summary>
public sealed class SweepStoreTally(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly ServiceProvider services = TestStorage.Services(azurite);

    private SweepStore Store => new(services.GetRequiredService<StorageTables>());

    [Fact]
    public async Task CountsEveryResultOfConcurrentChecks()
    {
        var store = Store;
        var canary = new CheckSummary(CheckClass.Alive, "fallback-2xx", 200, new Uri("https://www.example.com/"), null, DateTimeOffset.UtcNow, null, null);
        await store.SaveAsync(new SweepRecord("sweep-1", DateTimeOffset.UtcNow, canary, null, null), TestContext.Current.CancellationToken);

        var tallies = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            store.RecordAsync("sweep-1", $"p-{i % 20}", i % 3 == 0 ? CheckClass.Transient : CheckClass.Alive, shards: 4, TestContext.Current.CancellationToken)));

        var last = await store.RecordAsync("sweep-1", "p-0", CheckClass.Dead, shards: 4, TestContext.Current.CancellationToken);
        Assert.Equal((61, 20), (last.Results, last.Transient));
        Assert.All(tallies, t => Assert.InRange(t.Results, 1, 60));
        Assert.Equal(CheckClass.Alive, last.Canary!.Class);
    }

    [Fact]
    public async Task KnowsNoCanaryForAnUnknownSweep()
    {
        var tally = await Store.RecordAsync("no-such-sweep", "p-1", CheckClass.Alive, shards: 4, TestContext.Current.CancellationToken);

        Assert.Null(tally.Canary);
        Assert.Equal(1, tally.Results);
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
