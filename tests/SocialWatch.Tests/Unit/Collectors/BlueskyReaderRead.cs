using System.Net;
using SocialWatch.Collectors;
using static SocialWatch.Tests.Unit.Collectors.CollectorFixtures;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class BlueskyReaderRead
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsTheProfilesFactsIgnoringANegatedTakedownLabel()
    {
        var profile = await Bluesky().ReadProfileAsync(Answer("bluesky-profile.json"), Cancel);

        Assert.Equal(LifeSignal.Alive, profile.Life);
        Assert.Equal("did:plc:z72i7hdynmk6r22z27h6tvur", profile.Profile.SourceId);
        Assert.Equal("Rosa's Bakery", profile.Profile.DisplayName);
        Assert.Equal((2604L, 190L, 431L), (profile.Profile.Followers!.Value, profile.Profile.Following!.Value, profile.Profile.Posts!.Value));
    }

    [Fact]
    public async Task ReportsAProfileLabelledTakenDown()
    {
        var profile = await Bluesky().ReadProfileAsync(Answer("bluesky-profile-takedown-label.json"), Cancel);

        Assert.Equal(LifeSignal.TakenDown, profile.Life);
    }

    [Theory]
    [InlineData("bluesky-error-takedown.json", LifeSignal.TakenDown)]
    [InlineData("bluesky-error-deactivated.json", LifeSignal.Deactivated)]
    [InlineData("bluesky-error-not-found.json", LifeSignal.NotFound)]
    public async Task ReadsTheLifeSignalFromABadRequestAnswer(string fixture, LifeSignal life)
    {
        var profile = await Bluesky().ReadProfileAsync(Answer(fixture, HttpStatusCode.BadRequest), Cancel);

        Assert.Equal(CollectionStatus.Collected, profile.Status);
        Assert.Equal(life, profile.Life);
    }

    [Fact]
    public async Task RecordsAnyOtherBadRequestAsAFailureQuotingTheSource()
    {
        var profile = await Bluesky().ReadProfileAsync(Answer("bluesky-error-bad-actor.json", HttpStatusCode.BadRequest), Cancel);

        Assert.Equal(CollectionErrorKind.UnexpectedStatus, profile.Error?.Kind);
        Assert.Contains("actor must be a valid did or a handle", profile.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsABadRequestWhoseBodyIsNotJsonAsInvalid()
    {
        var profile = await Bluesky().ReadProfileAsync(Answer(new MemoryStream("<h1>Bad Request</h1>"u8.ToArray()), HttpStatusCode.BadRequest), Cancel);

        Assert.Equal(CollectionErrorKind.InvalidDocument, profile.Error?.Kind);
    }

    [Fact]
    public async Task ReadsTheAuthorFeedWithRepostsToldApartAndPinnedPostsOnce()
    {
        var feed = await Bluesky().ReadAuthorFeedAsync(Answer("bluesky-author-feed.json"), Cancel);

        Assert.Equal(4, feed.Items.Count);
        var pinned = feed.Items[0];
        Assert.True(pinned.IsOriginal);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), pinned.Published);
        var loaves = feed.Items[1];
        Assert.Equal((3L, 7L, 55L, 2L), (loaves.Replies!.Value, loaves.Reposts!.Value, loaves.Likes!.Value, loaves.Quotes!.Value));
        var repost = feed.Items[2];
        Assert.False(repost.IsOriginal);
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 18, 45, 0, TimeSpan.Zero), repost.Published);
        Assert.Equal("2026-09-01T08:00:00.000Z", feed.NextPage);
    }

    [Fact]
    public async Task PrefersCreatedAtButFallsBackToIndexedAtWhenCreatedAtIsInTheFuture()
    {
        var feed = await Bluesky().ReadAuthorFeedAsync(Answer("bluesky-author-feed.json"), Cancel);

        var brokenClock = feed.Items[3];
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.Zero), brokenClock.Published);
        Assert.Null(brokenClock.Quotes);
    }

    [Fact]
    public async Task ReadsTheRateLimitTheAppViewDeclares()
    {
        var reset = Now.AddMinutes(5).ToUnixTimeSeconds();
        var profile = await Bluesky().ReadProfileAsync(Answer("bluesky-profile.json", HttpStatusCode.OK,
            ("RateLimit-Limit", "3000"), ("RateLimit-Remaining", "2999"), ("RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RateLimit-Policy", "3000;w=300")), Cancel);

        Assert.Equal(new RateLimit(3000, 2999, DateTimeOffset.FromUnixTimeSeconds(reset)), profile.RateLimit);
    }

    [Theory]
    [InlineData("{\"feed\": {\"not\": \"an array\"}}")]
    [InlineData("{\"feed\": [{\"post\": {\"uri\": \"at://x\", \"likeCount\": true}}]}")]
    [InlineData("{\"feed\": [{\"post\": {\"uri\": \"at://x\", \"record\": {\"createdAt\": 12}}}]}")]
    [InlineData("{\"feed\": [")]
    public async Task RecordsMistypedOrTruncatedFeedsAsInvalidDocuments(string body)
    {
        var feed = await Bluesky().ReadAuthorFeedAsync(Answer(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body))), Cancel);

        Assert.Equal(CollectionErrorKind.InvalidDocument, feed.Error?.Kind);
    }

    [Fact]
    public async Task ReadsAFeedWithNullsAndEmptyItemsAsFarAsItCan()
    {
        var body = "{\"feed\": [null, {\"post\": null}, {\"post\": {\"uri\": \"at://did:plc:a/app.bsky.feed.post/1\", \"record\": null, \"indexedAt\": \"2026-11-15T10:00:00Z\", \"likeCount\": null}}], \"cursor\": null}"u8.ToArray();

        var feed = await Bluesky().ReadAuthorFeedAsync(Answer(new MemoryStream(body)), Cancel);

        var item = Assert.Single(feed.Items);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 10, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Null(item.Likes);
        Assert.Null(feed.NextPage);
    }

    [Fact]
    public async Task MergesTheProfileWithItsFeedPages()
    {
        var reader = Bluesky();
        var profile = await reader.ReadProfileAsync(Answer("bluesky-profile.json"), Cancel);
        var feed = await reader.ReadAuthorFeedAsync(Answer("bluesky-author-feed.json"), Cancel);

        var merged = profile.Then(feed);

        Assert.Equal(2604, merged.Profile.Followers);
        Assert.Equal(4, merged.Items.Count);
        Assert.Equal("2026-09-01T08:00:00.000Z", merged.NextPage);
    }
}
