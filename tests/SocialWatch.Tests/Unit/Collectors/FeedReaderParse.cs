using System.Net;
using System.Text;
using SocialWatch.Collectors;
using static SocialWatch.Tests.Unit.Collectors.CollectorFixtures;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class FeedReaderParse
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public async Task ReadsWordPressRssItemsWithTheirDatesCommentsAndCleanTitles()
    {
        var feed = await Feeds().ReadAsync(Answer("wordpress-rss2.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionStatus.Collected, feed.Status);
        Assert.Equal(SourceKind.Feed, feed.Source);
        Assert.Equal("Rosa’s Bakery & Café", feed.Profile.DisplayName);
        Assert.Equal(6, feed.Items.Count);
        var fish = feed.Items[0];
        Assert.Equal("https://rosasbakery.example/?p=412", fish.Id);
        Assert.Equal("Fish & Chips Friday – our new menu", fish.Title);
        Assert.Equal(Utc(2026, 11, 16, 8), fish.Published);
        Assert.Equal(7, fish.Replies);
        var sourdough = feed.Items[1];
        Assert.Equal("Sourdough class & tasting", sourdough.Title);
        Assert.Equal(Utc(2026, 11, 11, 22, 30), sourdough.Published);
        Assert.Equal(Utc(2026, 11, 4, 8, 15), feed.Items[2].Published);
        Assert.Equal("https://rosasbakery.example/2026/10/undated/", feed.Items[3].Id);
        Assert.Null(feed.Items[3].Published);
        Assert.Null(feed.Items[4].Published);
        Assert.Equal("Control characters from a pasted document", feed.Items[5].Title?.Replace("\u0001", string.Empty, StringComparison.Ordinal));
        Assert.Equal(Utc(2026, 10, 1, 13, 5, 9), feed.Items[5].Published);
        Assert.Equal(Utc(2026, 11, 16, 8), feed.LastActivity);
        Assert.Equal(Truncation.None, feed.Truncation);
    }

    [Fact]
    public async Task ReadsAtomEntriesWithPublishedFallingBackToUpdatedAndThreadCounts()
    {
        var feed = await Feeds().ParseAsync(Open("blog-atom.xml"), TestContext.Current.CancellationToken);

        Assert.Equal("Harbour Books & Coffee", feed.Profile.DisplayName);
        Assert.Equal(3, feed.Items.Count);
        Assert.Equal("Signed copies this week", feed.Items[0].Title);
        Assert.Equal("tag:harbourbooks.example,2026:/signed-copies", feed.Items[0].Id);
        Assert.Equal(Utc(2026, 11, 14, 16, 30), feed.Items[0].Published);
        Assert.Equal(3, feed.Items[0].Replies);
        Assert.Equal("Poetry night", feed.Items[1].Title);
        Assert.Equal(Utc(2026, 11, 9, 20), feed.Items[1].Published);
        Assert.Equal(12, feed.Items[1].Replies);
        Assert.Equal(Utc(2026, 11, 2, 8), feed.Items[2].Published);
        Assert.All(feed.Items, item => Assert.True(item.IsOriginal));
    }

    [Fact]
    public async Task ReadsYouTubeViewsAndStarRatingsFromTheChannelFeed()
    {
        var feed = await Feeds().ParseAsync(Open("youtube-channel.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(SourceKind.YouTube, feed.Source);
        Assert.Equal("Rosa's Bakery", feed.Profile.DisplayName);
        var video = feed.Items[0];
        Assert.Equal("Q1w2E3r4T5y", video.Id);
        Assert.Equal(Utc(2026, 11, 12, 16, 0, 6), video.Published);
        Assert.Equal(10342, video.Views);
        Assert.Equal(412, video.Likes);
        Assert.Equal("Croissants & coffee #shorts", feed.Items[1].Title);
        Assert.Equal(0, feed.Items[1].Views);
    }

    [Fact]
    public async Task ReadsRss1WithDublinCoreDatesInItsDeclaredEncoding()
    {
        var feed = await Feeds().ParseAsync(Open("rss1-rdf.xml"), TestContext.Current.CancellationToken);

        Assert.Equal("Gemeinde Nachrichten", feed.Profile.DisplayName);
        Assert.Equal(["Straßenfest am Samstag", "Müllabfuhr verschoben"], feed.Items.Select(i => i.Title));
        Assert.Equal(Utc(2026, 11, 13, 6, 45), feed.Items[0].Published);
        Assert.Equal(Utc(2026, 11, 6), feed.Items[1].Published);
    }

    [Fact]
    public async Task RefusesBillionLaughsAsAnInvalidDocumentWithoutExpandingIt()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var feed = await Feeds().ParseAsync(Open("billion-laughs.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionStatus.Failed, feed.Status);
        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
        Assert.Contains("DTD", feed.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(feed.Items);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task RefusesAnExternalEntityAsAnInvalidDocument()
    {
        var feed = await Feeds().ParseAsync(Open("external-entity.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
        Assert.DoesNotContain("root:", feed.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsInvalidXmlAsAnErrorForTheProfile()
    {
        var feed = await Feeds().ParseAsync(Open("invalid.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionStatus.Failed, feed.Status);
        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
        Assert.Empty(feed.Items);
    }

    [Theory]
    [InlineData("soft-404.xhtml")]
    [InlineData("mastodon-account.json")]
    public async Task RecordsADocumentThatIsNotAFeedAsUnrecognisedOrInvalid(string fixture)
    {
        var feed = await Feeds().ParseAsync(Open(fixture), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionStatus.Failed, feed.Status);
        Assert.Contains(feed.Error?.Kind, new CollectionErrorKind?[] { CollectionErrorKind.Unrecognised, CollectionErrorKind.InvalidDocument });
    }

    [Fact]
    public async Task RecordsBytesInvalidForTheDeclaredEncodingAsAnInvalidDocument()
    {
        byte[] body = [.. "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf"u8, 0xC3, 0x28, .. "</title></channel></rss>"u8];

        var feed = await Feeds().ParseAsync(new MemoryStream(body), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
    }

    [Fact]
    public async Task RecordsAnEmptyBodyAsAnInvalidDocument()
    {
        var feed = await Feeds().ParseAsync(new MemoryStream(), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
    }

    [Fact]
    public async Task StopsAtTheItemCapAndSaysSo()
    {
        var feed = await Feeds(new CollectorOptions { MaxItems = 2 }).ParseAsync(Open("wordpress-rss2.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionStatus.Collected, feed.Status);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(Truncation.ItemCap, feed.Truncation);
    }

    [Fact]
    public async Task KeepsAllItemsWhenTheFeedHoldsExactlyTheCap()
    {
        var feed = await Feeds(new CollectorOptions { MaxItems = 3 }).ParseAsync(Open("blog-atom.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(3, feed.Items.Count);
        Assert.Equal(Truncation.None, feed.Truncation);
    }

    [Fact]
    public async Task StopsAtTheByteCapKeepingTheItemsReadWhole()
    {
        var document = Encoding.UTF8.GetBytes(GeneratedFeed.Head + string.Concat(Enumerable.Range(0, 5000).Select(GeneratedFeed.Item)) + GeneratedFeed.Tail);

        var feed = await Feeds(new CollectorOptions { MaxFeedBytes = 65536 }).ParseAsync(new MemoryStream(document), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionStatus.Collected, feed.Status);
        Assert.Equal(Truncation.ByteCap, feed.Truncation);
        Assert.InRange(feed.Items.Count, 100, 65536 / GeneratedFeed.Item(0).Length);
        Assert.All(feed.Items, item => Assert.NotNull(item.Published));
    }

    [Fact]
    public async Task CountsAnItemDatedFarInTheFutureWithoutBelievingItsDate()
    {
        var feed = await Feeds().ParseAsync(Open("wordpress-rss2.xml"), TestContext.Current.CancellationToken);

        var future = Assert.Single(feed.Items, i => i.Title == "Scheduled by a broken plugin");
        Assert.Null(future.Published);
        Assert.True(feed.LastActivity <= Now);
    }

    [Fact]
    public async Task TimesOutOnASourceThatStopsSendingWithoutFailingTheCaller()
    {
        var clock = Clock();
        var reading = Feeds(new CollectorOptions { MaxReadTime = TimeSpan.FromSeconds(30) }, clock)
            .ParseAsync(new SilentStream(), TestContext.Current.CancellationToken);
        await SilentStream.WaitUntilReadAsync(reading);

        clock.Advance(TimeSpan.FromSeconds(31));
        var feed = await reading.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(CollectionErrorKind.TimedOut, feed.Error?.Kind);
    }

    [Fact]
    public async Task PassesTheCallersCancellationOn()
    {
        using var cancel = new CancellationTokenSource();
        var reading = Feeds().ParseAsync(new SilentStream(), cancel.Token);
        await SilentStream.WaitUntilReadAsync(reading);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotModified, CollectionStatus.Unchanged, LifeSignal.Alive)]
    [InlineData(HttpStatusCode.NotFound, CollectionStatus.Collected, LifeSignal.NotFound)]
    [InlineData(HttpStatusCode.Gone, CollectionStatus.Collected, LifeSignal.Gone)]
    [InlineData(HttpStatusCode.ServiceUnavailable, CollectionStatus.Failed, LifeSignal.Alive)]
    public async Task SettlesAnAnswerByItsStatusWithoutReadingTheBody(HttpStatusCode status, CollectionStatus expected, LifeSignal life)
    {
        var body = new SilentStream();

        var feed = await Feeds().ReadAsync(Answer(body, status, ("ETag", "W/\"abc\"")), TestContext.Current.CancellationToken);

        Assert.Equal(expected, feed.Status);
        Assert.Equal(life, feed.Life);
        Assert.False(body.WasRead);
        Assert.Equal("W/\"abc\"", feed.Validators.ETag);
    }

    [Fact]
    public async Task ReturnsTheValidatorsForTheNextConditionalRequest()
    {
        var feed = await Feeds().ReadAsync(
            Answer("blog-atom.xml", HttpStatusCode.OK, ("ETag", "\"v42\""), ("Last-Modified", "Sun, 15 Nov 2026 10:00:00 GMT")),
            TestContext.Current.CancellationToken);

        Assert.Equal(new ValidatorSet("\"v42\"", "Sun, 15 Nov 2026 10:00:00 GMT"), feed.Validators);
    }

    /// <summary>A body that sends nothing and never ends, until the read is cancelled.</summary>
    private sealed class SilentStream : MemoryStream
    {
        private readonly TaskCompletionSource read = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool WasRead => read.Task.IsCompleted;

        public static async Task WaitUntilReadAsync(Task reading)
        {
            // The reader reaches the body's first read before it can time out; the test's clock only moves after that.
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.False(reading.IsCompleted);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            read.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Read synchronously");
    }
}
