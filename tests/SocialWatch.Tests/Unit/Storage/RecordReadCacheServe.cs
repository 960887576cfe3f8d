using Microsoft.Extensions.Options;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Unit.Storage;

public sealed class RecordReadCacheServe
{
    private static RecordReadCache Cache(TimeSpan ttl) => new(Options.Create(new StorageOptions { ReadCacheTtl = ttl }));

    [Fact]
    public async Task ReadsStorageOnceWithinTheTtl()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var reads = 0;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("plan v1", await cache.GetOrReadAsync("plans", "bakery", "plan", () => Task.FromResult($"plan v{++reads}")));
        }

        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task ReadsStorageAgainAfterAWriteToThePartition()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var stored = "v1";
        await cache.GetOrReadAsync("profiles", "bakery", "p1", () => Task.FromResult(stored));

        stored = "v2";
        cache.ForgetPartition("profiles", "bakery");

        Assert.Equal("v2", await cache.GetOrReadAsync("profiles", "bakery", "p1", () => Task.FromResult(stored)));
    }

    [Fact]
    public async Task NeverServesAReadThatRacedAWrite()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var slowRead = new TaskCompletionSource<string>();
        var racing = cache.GetOrReadAsync("apikeys", "bakery", "k1", () => slowRead.Task);

        // The key is revoked while the read that saw it valid is still in flight.
        cache.ForgetPartition("apikeys", "bakery");
        slowRead.SetResult("valid");
        await racing;

        Assert.Equal("revoked", await cache.GetOrReadAsync("apikeys", "bakery", "k1", () => Task.FromResult("revoked")));
    }

    [Fact]
    public async Task SharesOneReadBetweenConcurrentMisses()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var slowRead = new TaskCompletionSource<string>();
        var reads = 0;
        Task<string> Read()
        {
            reads++;
            return slowRead.Task;
        }

        var first = cache.GetOrReadAsync("snapshots", "bakery", "history", Read);
        var second = cache.GetOrReadAsync("snapshots", "bakery", "history", Read);
        slowRead.SetResult("3 years");

        Assert.Equal(["3 years", "3 years"], await Task.WhenAll(first, second));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task ReadsForItselfWhenTheReadItJoinedIsCancelled()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        var abandoned = new TaskCompletionSource<string>();
        var first = cache.GetOrReadAsync("snapshots", "bakery", "history", () => abandoned.Task);
        var second = cache.GetOrReadAsync("snapshots", "bakery", "history", () => Task.FromResult("read again"));

        abandoned.SetCanceled(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("read again", await second);
    }

    [Fact]
    public async Task ReadsAgainAfterAFailedRead()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<IOException>(() => cache.GetOrReadAsync<string>("snapshots", "bakery", "history", () => throw new IOException("Storage went away.")));

        Assert.Equal("recovered", await cache.GetOrReadAsync("snapshots", "bakery", "history", () => Task.FromResult("recovered")));
    }

    [Fact]
    public async Task KeepsPartitionsApart()
    {
        using var cache = Cache(TimeSpan.FromMinutes(1));
        await cache.GetOrReadAsync("plans", "bakery", "plan", () => Task.FromResult("bakery's"));
        await cache.GetOrReadAsync("plans", "florist", "plan", () => Task.FromResult("florist's"));

        cache.ForgetPartition("plans", "bakery");

        Assert.Equal("florist's", await cache.GetOrReadAsync("plans", "florist", "plan", () => Task.FromResult("read again")));
    }

    [Fact]
    public async Task ReadsStorageEveryTimeWhenTurnedOff()
    {
        using var cache = Cache(TimeSpan.Zero);
        var reads = 0;

        await cache.GetOrReadAsync("plans", "bakery", "plan", () => Task.FromResult(++reads));
        await cache.GetOrReadAsync("plans", "bakery", "plan", () => Task.FromResult(++reads));

        Assert.Equal(2, reads);
    }
}
