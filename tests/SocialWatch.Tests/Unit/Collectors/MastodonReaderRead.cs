using System.Net;
using System.Text;
using SocialWatch.Collectors;
using static SocialWatch.Tests.Unit.Collectors.CollectorFixtures;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class MastodonReaderRead
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsTheAccountsFactsAndItsLastStatusDate()
    {
        var account = await Mastodon().ReadAccountAsync(Answer("mastodon-account.json"), Cancel);

        Assert.Equal(CollectionStatus.Collected, account.Status);
        Assert.Equal(LifeSignal.Alive, account.Life);
        Assert.Equal("109302436954721982", account.Profile.SourceId);
        Assert.Equal("Rosa's Bakery 🥖", account.Profile.DisplayName);
        Assert.Equal(1843, account.Profile.Followers);
        Assert.Equal(211, account.Profile.Following);
        Assert.Equal(967, account.Profile.Posts);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero), account.LastActivity);
    }

    [Fact]
    public async Task ReportsAMovedAccountWithWhereItWent()
    {
        var account = await Mastodon().ReadAccountAsync(Answer("mastodon-account-moved.json"), Cancel);

        Assert.Equal(LifeSignal.Moved, account.Life);
        Assert.Equal("https://books.social/@harbourbooks", account.MovedTo);
        Assert.Equal("harbourbooks@mastodon.online", account.Profile.DisplayName);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 40, 11, TimeSpan.Zero), account.ReportedLastActivity);
    }

    [Fact]
    public async Task ReportsASuspendedAccount()
    {
        var account = await Mastodon().ReadAccountAsync(Answer("mastodon-account-suspended.json"), Cancel);

        Assert.Equal(LifeSignal.Suspended, account.Life);
        Assert.Null(account.LastActivity);
    }

    [Fact]
    public async Task ReportsAMemorialAccountThatIsLimitedAndHasCountsAsStrings()
    {
        var account = await Mastodon().ReadAccountAsync(Answer("mastodon-account-memorial.json"), Cancel);

        Assert.Equal(LifeSignal.Memorial, account.Life);
        Assert.True(account.Profile.Limited);
        Assert.Equal(88, account.Profile.Followers);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, LifeSignal.NotFound)]
    [InlineData(HttpStatusCode.Gone, LifeSignal.Gone)]
    public async Task ReadsAMissingOrGoneAccountFromTheStatus(HttpStatusCode status, LifeSignal life)
    {
        var body = new MemoryStream("{\"error\":\"Record not found\"}"u8.ToArray());

        var account = await Mastodon().ReadAccountAsync(Answer(body, status), Cancel);

        Assert.Equal(life, account.Life);
        Assert.Equal(CollectionStatus.Collected, account.Status);
    }

    [Fact]
    public async Task RecordsAnErrorObjectServedWithStatus200AsUnrecognised()
    {
        var account = await Mastodon().ReadAccountAsync(Answer(new MemoryStream("{\"error\":\"Record not found\"}"u8.ToArray())), Cancel);

        Assert.Equal(CollectionErrorKind.Unrecognised, account.Error?.Kind);
    }

    [Fact]
    public async Task ReadsStatusesTellingBoostsApartAndIgnoringUnknownFields()
    {
        var page = await Mastodon().ReadStatusesAsync(Answer("mastodon-statuses.json"), Cancel);

        Assert.Equal(CollectionStatus.Collected, page.Status);
        Assert.Equal(["113489000000000003", "113488000000000002", "113480000000000001"], page.Items.Select(i => i.Id));
        var first = page.Items[0];
        Assert.True(first.IsOriginal);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 17, 5, 22, 391, TimeSpan.Zero), first.Published);
        Assert.Equal((4L, 9L, 31L), (first.Replies!.Value, first.Reposts!.Value, first.Likes!.Value));
        Assert.False(page.Items[1].IsOriginal);
        Assert.Null(page.Items[2].Reposts);
        Assert.Equal(first.Published, page.LastPost);
    }

    [Fact]
    public async Task ReadsTheNextPageAndTheRateLimitFromTheHeaders()
    {
        var page = await Mastodon().ReadStatusesAsync(Answer("mastodon-statuses.json", HttpStatusCode.OK,
            ("Link", "<https://mastodon.social/api/v1/accounts/109302436954721982/statuses?limit=40&max_id=113480000000000001>; rel=\"next\", <https://mastodon.social/api/v1/accounts/109302436954721982/statuses?limit=40&min_id=113489000000000003>; rel=\"prev\""),
            ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "297"), ("X-RateLimit-Reset", "2026-11-16T12:05:00.019685Z")), Cancel);

        Assert.Equal("113480000000000001", page.NextPage);
        Assert.Equal(new RateLimit(300, 297, new DateTimeOffset(2026, 11, 16, 12, 5, 0, TimeSpan.Zero).AddTicks(196850)), page.RateLimit);
    }

    [Fact]
    public async Task HasNoNextPageWithoutALinkToOne()
    {
        var page = await Mastodon().ReadStatusesAsync(Answer("mastodon-statuses.json", HttpStatusCode.OK,
            ("Link", "<https://mastodon.social/api/v1/accounts/1/statuses?min_id=9>; rel=\"prev\"")), Cancel);

        Assert.Null(page.NextPage);
    }

    [Fact]
    public async Task RecordsTruncatedJsonAsAnInvalidDocument()
    {
        var page = await Mastodon().ReadStatusesAsync(Answer("mastodon-statuses-truncated.json"), Cancel);

        Assert.Equal(CollectionStatus.Failed, page.Status);
        Assert.Equal(CollectionErrorKind.InvalidDocument, page.Error?.Kind);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task RecordsAValueOfTheWrongTypeNamingWhereItIs()
    {
        var page = await Mastodon().ReadStatusesAsync(Answer("mastodon-statuses-wrong-types.json"), Cancel);

        Assert.Equal(CollectionErrorKind.InvalidDocument, page.Error?.Kind);
        Assert.Contains("$[1].replies_count", page.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsBytesThatAreNotUtf8InAFieldItReadsAsAnInvalidDocument()
    {
        byte[] body = [.. "[{\"id\":\"Caf"u8, 0xC3, 0x28, .. "\"}]"u8];

        var page = await Mastodon().ReadStatusesAsync(Answer(new MemoryStream(body)), Cancel);

        Assert.Equal(CollectionErrorKind.InvalidDocument, page.Error?.Kind);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"a string\"")]
    [InlineData("<html><body>Too many requests</body></html>")]
    public async Task RecordsAnAnswerThatIsNoStatusListAsAnInvalidDocument(string body)
    {
        var page = await Mastodon().ReadStatusesAsync(Answer(new MemoryStream(Encoding.UTF8.GetBytes(body))), Cancel);

        Assert.Equal(CollectionErrorKind.InvalidDocument, page.Error?.Kind);
    }

    [Fact]
    public async Task RefusesAnAnswerLargerThanTheJsonCap()
    {
        var huge = "[" + string.Join(',', Enumerable.Repeat("{\"id\":\"1\",\"created_at\":\"2026-11-14T17:05:22Z\",\"replies_count\":0}", 2000)) + "]";

        var page = await Mastodon(new CollectorOptions { MaxJsonBytes = 16 * 1024 })
            .ReadStatusesAsync(Answer(new MemoryStream(Encoding.UTF8.GetBytes(huge))), Cancel);

        Assert.Equal(CollectionErrorKind.TooLarge, page.Error?.Kind);
    }

    [Fact]
    public async Task MergesTheAccountWithItsStatusPages()
    {
        var reader = Mastodon();
        var account = await reader.ReadAccountAsync(Answer("mastodon-account.json"), Cancel);
        var page = await reader.ReadStatusesAsync(Answer("mastodon-statuses.json"), Cancel);

        var merged = account.Then(page).Then(page);

        Assert.Equal(1843, merged.Profile.Followers);
        Assert.Equal(3, merged.Items.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 17, 5, 22, 391, TimeSpan.Zero), merged.LastActivity);
    }

    [Fact]
    public async Task KeepsTheAccountFactsWhenAStatusPageFails()
    {
        var reader = Mastodon();
        var account = await reader.ReadAccountAsync(Answer("mastodon-account.json"), Cancel);
        var broken = await reader.ReadStatusesAsync(Answer("mastodon-statuses-truncated.json"), Cancel);

        var merged = account.Then(broken);

        Assert.Equal(CollectionStatus.Failed, merged.Status);
        Assert.Equal(1843, merged.Profile.Followers);
        Assert.NotNull(merged.Error);
    }

    [Fact]
    public async Task RecordsRateLimitingAsAFailureCarryingTheLimit()
    {
        var answer = Answer(new MemoryStream(), HttpStatusCode.TooManyRequests,
            ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "2026-11-16T12:05:00Z"));

        var account = await Mastodon().ReadAccountAsync(answer, Cancel);

        Assert.Equal(CollectionErrorKind.RateLimited, account.Error?.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), account.RateLimit?.PaceAt(Now));
    }
}
