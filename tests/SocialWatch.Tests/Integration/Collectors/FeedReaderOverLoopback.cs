using System.Diagnostics;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Feeds;
using Microsoft.Extensions.Options;

namespace SocialWatch.Tests.Integration.Collectors;

/// <summary>Measures allocation with the process-wide counter, so nothing else may run beside it.</summary>
[CollectionDefinition(nameof(FeedReaderOverLoopback), DisableParallelization = true)]
public sealed class FeedReaderOverLoopbackRunsAlone;

/// <summary>The feed reader on a real socket, through HttpClient with ResponseHeadersRead: the caps hold while bytes still arrive.</summary>
[Collection(nameof(FeedReaderOverLoopback))]
public sealed class FeedReaderOverLoopback : IAsyncLifetime
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });
    private FeedServer server = null!;

    public async ValueTask InitializeAsync() => server = await FeedServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private async Task<CollectedActivity> ReadAsync(string path, CollectorOptions options)
    {
        var reader = new FeedReader(Options.Create(options), TimeProvider.System);
        using var response = await http.GetAsync(new Uri(server.BaseAddress, path), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return await reader.ReadAsync(SourceResponse.From(response, body), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StopsReadingA200MegabyteFeedAtTheByteCapQuicklyAndWithBoundedMemory()
    {
        const long cap = 2 * 1024 * 1024;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.StartNew();

        var feed = await ReadAsync("/huge.rss", new CollectorOptions { MaxFeedBytes = cap, MaxItems = 10_000 });

        var elapsed = started.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await server.Finished.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"read {feed.Items.Count} items in {elapsed.TotalMilliseconds:F0} ms, allocated {allocated / 1024 / 1024} MB, server sent {server.BytesSent / 1024 / 1024} MB of {FeedServer.HugeFeedBytes / 1024 / 1024} MB");
        Assert.Equal(CollectionStatus.Collected, feed.Status);
        Assert.Equal(Truncation.ByteCap, feed.Truncation);
        Assert.InRange(feed.Items.Count, 5_000, 7_000);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"reading took {elapsed}");
        Assert.True(allocated < 100L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB while reading");
        Assert.True(server.BytesSent < FeedServer.HugeFeedBytes / 4, $"the server sent {server.BytesSent / 1024 / 1024} MB before the client hung up");
    }

    [Theory]
    [InlineData(500, 64L * 1024 * 1024, Truncation.ItemCap)]
    [InlineData(100_000, 1024L * 1024, Truncation.ByteCap)]
    public async Task StopsReadingAFeedThatNeverEndsAtWhicheverCapComesFirst(int maxItems, long maxBytes, Truncation expected)
    {
        var feed = await ReadAsync("/endless.rss", new CollectorOptions { MaxItems = maxItems, MaxFeedBytes = maxBytes });

        await server.Finished.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(CollectionStatus.Collected, feed.Status);
        Assert.Equal(expected, feed.Truncation);
        Assert.True(feed.Items.Count <= maxItems);
        Assert.NotEmpty(feed.Items);
    }

    [Fact]
    public async Task GivesUpOnAFeedThatTricklesForeverAtTheReadTimeLimit()
    {
        var started = Stopwatch.StartNew();

        var feed = await ReadAsync("/trickle.rss", new CollectorOptions { MaxReadTime = TimeSpan.FromSeconds(2) });

        await server.Finished.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(CollectionErrorKind.TimedOut, feed.Error?.Kind);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task RecordsAConnectionDroppedMidFeedAsLostNotAsAnException()
    {
        var feed = await ReadAsync("/cut.rss", new CollectorOptions());

        Assert.Equal(CollectionStatus.Failed, feed.Status);
        Assert.Equal(CollectionErrorKind.ConnectionLost, feed.Error?.Kind);
    }

    [Fact]
    public async Task NeverFetchesAnExternalEntity()
    {
        var feed = await ReadAsync("/xxe.rss", new CollectorOptions());

        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
        Assert.Equal(0, server.SecretRequests);
    }
}
