using System.Net;
using SocialWatch.Collectors;
using static SocialWatch.Tests.Unit.Collectors.CollectorFixtures;

namespace SocialWatch.Tests.Unit.Collectors;

public sealed class ConditionalAndRateLimitHeaders
{
    [Fact]
    public void SendsStoredValidatorsBackAsConditionalHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://rosasbakery.example/feed/");

        new ValidatorSet("W/\"5f2a\"", "Sun, 15 Nov 2026 10:00:00 GMT").ApplyTo(request.Headers);

        Assert.Equal("W/\"5f2a\"", Assert.Single(request.Headers.GetValues("If-None-Match")));
        Assert.Equal("Sun, 15 Nov 2026 10:00:00 GMT", Assert.Single(request.Headers.GetValues("If-Modified-Since")));
    }

    [Fact]
    public void SendsNothingWithoutValidators()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://rosasbakery.example/feed/");

        default(ValidatorSet).ApplyTo(request.Headers);

        Assert.True(default(ValidatorSet).IsEmpty);
        Assert.False(request.Headers.Contains("If-None-Match"));
        Assert.False(request.Headers.Contains("If-Modified-Since"));
    }

    [Fact]
    public void KeepsStoredValidatorsAnAnswerOmits()
    {
        var stored = new ValidatorSet("\"v1\"", "Sun, 15 Nov 2026 10:00:00 GMT");

        Assert.Equal(new ValidatorSet("\"v2\"", "Sun, 15 Nov 2026 10:00:00 GMT"), stored.UpdatedWith(new ValidatorSet("\"v2\"", null)));
        Assert.Equal(stored, stored.UpdatedWith(default));
    }

    [Theory]
    [InlineData("2026-11-16T12:05:00.000Z")]
    [InlineData("1794830700")]
    [InlineData("300")]
    public void ReadsTheResetAsATimestampUnixSecondsOrSecondsFromNow(string reset)
    {
        var limit = RateLimit.From(Answer(Stream.Null, HttpStatusCode.OK, ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "10"), ("X-RateLimit-Reset", reset)), Now);

        Assert.Equal(Now.AddMinutes(5), limit?.ResetsAt);
    }

    [Fact]
    public void PacesRequestsSoTheRemainingBudgetLastsUntilTheReset()
    {
        var limit = new RateLimit(300, 10, Now.AddMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(30), limit.PaceAt(Now));
        Assert.Equal(TimeSpan.FromMinutes(5), (limit with { Remaining = 0 }).PaceAt(Now));
        Assert.Equal(TimeSpan.Zero, limit.PaceAt(Now.AddMinutes(6)));
    }

    [Theory]
    [InlineData("300", "abc", "2026-11-16T12:05:00Z")]
    [InlineData("300", "10", "soon")]
    [InlineData(null, "10", "2026-11-16T12:05:00Z")]
    public void IgnoresRateLimitHeadersThatCannotBeRead(string? limitValue, string remaining, string reset)
    {
        var headers = new List<(string, string)> { ("X-RateLimit-Remaining", remaining), ("X-RateLimit-Reset", reset) };
        if (limitValue is not null)
        {
            headers.Add(("X-RateLimit-Limit", limitValue));
        }

        Assert.Null(RateLimit.From(Answer(Stream.Null, HttpStatusCode.OK, [.. headers]), Now));
    }
}
