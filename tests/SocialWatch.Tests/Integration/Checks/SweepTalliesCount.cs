using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Checks;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>
/// Sweep tallies kept in memory per instance on Azurite: each instance flushes its own shard row, the guard sees the other
/// instances' flushed counts once its read interval has passed, and its own counts at once.
/// </summary>
public sealed class SweepTalliesCount(AzuriteFixture azurite) : IAsyncDisposable
{
    private static readonly SweepOptions Options = new() { TallyFlushInterval = TimeSpan.FromSeconds(1), TallyReadInterval = TimeSpan.FromSeconds(5) };
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services = TestStorage.Services(azurite);

    private SweepStore Store => new(services.GetRequiredService<StorageTables>());

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CountsItsOwnResultsAtOnceWithoutAnyStorageWrite()
    {
        await SaveSweepAsync("sweep-own");
        await using var tallies = Tallies();
        var operations = services.GetRequiredService<StorageOperations>();

        await tallies.RecordAsync("sweep-own", CheckClass.Alive, Cancel);
        var before = operations.Total;
        for (var i = 0; i < 9; i++)
        {
            await tallies.RecordAsync("sweep-own", i % 3 == 0 ? CheckClass.Transient : CheckClass.Alive, Cancel);
        }

        var tally = await tallies.RecordAsync("sweep-own", CheckClass.Dead, Cancel);
        Assert.Equal((11, 3), (tally.Results, tally.Transient));
        Assert.Equal(CheckClass.Alive, tally.Canary!.Class);
        Assert.Equal(0, operations.Total - before);
    }

    [Fact]
    public async Task SeesAnotherInstancesFlushedCountsOnceTheReadIntervalHasPassed()
    {
        await SaveSweepAsync("sweep-two");
        await using var first = Tallies();
        await using var second = Tallies();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => first.RecordAsync("sweep-two", i % 4 == 0 ? CheckClass.Transient : CheckClass.Alive, Cancel)));
        await first.FlushAsync(Cancel);

        Assert.Equal((41, 10), Counts(await second.RecordAsync("sweep-two", CheckClass.Alive, Cancel)));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => first.RecordAsync("sweep-two", CheckClass.Transient, Cancel)));
        await first.FlushAsync(Cancel);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal((42, 10), Counts(await second.RecordAsync("sweep-two", CheckClass.Alive, Cancel)));

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal((63, 30), Counts(await second.RecordAsync("sweep-two", CheckClass.Alive, Cancel)));
    }

    [Fact]
    public async Task FlushesOnDisposalSoThatNoCountOfAStoppingInstanceIsLost()
    {
        await SaveSweepAsync("sweep-stop");
        await using (var stopping = Tallies())
        {
            await stopping.RecordAsync("sweep-stop", CheckClass.Transient, Cancel);
            await stopping.RecordAsync("sweep-stop", CheckClass.Alive, Cancel);
        }

        var tally = await Store.ReadTallyAsync("sweep-stop", exceptShard: "none", Cancel);
        Assert.Equal((2, 1), Counts(tally));
    }

    [Fact]
    public async Task KnowsNoCanaryForAnUnknownSweep()
    {
        await using var tallies = Tallies();

        var tally = await tallies.RecordAsync("no-such-sweep", CheckClass.Alive, Cancel);

        Assert.Null(tally.Canary);
        Assert.Equal(1, tally.Results);
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    private static (int Results, int Transient) Counts(SweepTally tally) => (tally.Results, tally.Transient);

    private SweepTallies Tallies() => new(Store, time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<SweepTallies>.Instance);

    private Task SaveSweepAsync(string sweepId)
    {
        var canary = new CheckSummary(CheckClass.Alive, "fallback-2xx", 200, new Uri("https://www.example.com/"), null, time.GetUtcNow(), null, null);
        return Store.SaveAsync(new SweepRecord(sweepId, time.GetUtcNow(), canary, null, null), Cancel);
    }
}
