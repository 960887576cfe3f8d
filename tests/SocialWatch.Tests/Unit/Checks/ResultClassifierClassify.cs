using SocialWatch.Checks;
using SocialWatch.Checks.Fetching;
using SocialWatch.Checks.Rules;

namespace SocialWatch.Tests.Unit.Checks;

/// <summary>The rule data applied to answers that need no network to describe: every status class and the endings without an answer.</summary>
public sealed class ResultClassifierClassify
{
    private static readonly ProfileRuleSet Rules = ProfileRuleSet.LoadEmbedded();
    private static readonly ResultClassifier Classifier = new(Rules);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(FetchEnd.LoginWall, CheckClass.Blocked)]
    [InlineData(FetchEnd.RedirectLimit, CheckClass.Blocked)]
    [InlineData(FetchEnd.Refused, CheckClass.Blocked)]
    [InlineData(FetchEnd.Timeout, CheckClass.Transient)]
    [InlineData(FetchEnd.ConnectionFailed, CheckClass.Transient)]
    [InlineData(FetchEnd.CircuitOpen, CheckClass.Transient)]
    [InlineData(FetchEnd.RateLimited, CheckClass.RateLimited)]
    public void ClassifiesEndingsWithoutAnAnswerTheSameForEveryNetwork(FetchEnd end, CheckClass expected)
    {
        var outcome = Outcome("https://www.facebook.com/acme") with { End = end, RuleId = "some-ending" };

        var result = Classify("https://www.facebook.com/acme", outcome);

        Assert.Equal((expected, "some-ending"), (result.Class, result.Evidence.RuleId));
    }

    public static TheoryData<int, string?, string, CheckClass, string> Answers => new()
    {
        { 200, null, "", CheckClass.Alive, "http-2xx" },
        { 204, null, "", CheckClass.Alive, "http-2xx" },
        { 404, null, "", CheckClass.Dead, "http-404-410" },
        { 410, null, "", CheckClass.Dead, "http-404-410" },
        { 429, null, "", CheckClass.RateLimited, "http-429" },
        { 503, "retry-after", "", CheckClass.RateLimited, "http-503-retry-after" },
        { 503, null, "", CheckClass.Transient, "http-5xx" },
        { 500, null, "", CheckClass.Transient, "http-5xx" },
        { 408, null, "", CheckClass.Transient, "http-408" },
        { 401, null, "", CheckClass.Blocked, "http-401-403-451" },
        { 403, null, "<h1>Access Denied</h1>", CheckClass.Blocked, "http-401-403-451" },
        { 403, null, "<script src=\"/cdn-cgi/challenge-platform/x.js\"></script>", CheckClass.Blocked, "bot-challenge-page" },
        { 200, "cf-mitigated", "", CheckClass.Blocked, "cloudflare-mitigated" },
        { 999, null, "", CheckClass.Blocked, "status-999" },
        { 418, null, "", CheckClass.Blocked, "unrecognised-answer" },
        { 304, null, "", CheckClass.Blocked, "unrecognised-answer" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void ClassifiesAnAnswerFromAnUnknownSiteByTheFallback(int status, string? header, string body, CheckClass expected, string rule)
    {
        var outcome = Outcome("https://acme-bakery.test/") with
        {
            Status = status,
            Body = body,
            Headers = header is null ? new Dictionary<string, string>() : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [header] = "challenge" },
        };

        var result = Classify("https://acme-bakery.test/", outcome);

        Assert.Equal((expected, rule), (result.Class, result.Evidence.RuleId));
    }

    [Theory]
    [InlineData("This page isn't available")]
    [InlineData("This page isn\u2019t available")]
    [InlineData("This page isn&#039;t available")]
    [InlineData("This page isn&rsquo;t\n   available")]
    public void MatchesABodyMarkerHoweverTheApostropheIsWritten(string marker)
    {
        var result = Classify("https://www.facebook.com/ghost", Outcome("https://www.facebook.com/ghost") with { Status = 200, Body = $"<h2>{marker}</h2>" });

        Assert.Equal((CheckClass.Dead, "facebook-page-unavailable"), (result.Class, result.Evidence.RuleId));
    }

    [Fact]
    public void KeepsTheRetryTimeOfARateLimitedAnswer()
    {
        var retryAt = Now.AddMinutes(30);

        var result = Classify("https://acme-bakery.test/", Outcome("https://acme-bakery.test/") with { Status = 429, RetryAt = retryAt });

        Assert.Equal(retryAt, result.Evidence.RetryAt);
    }

    [Fact]
    public void ExplainsTheVerdictWithTheRulesReason()
    {
        var result = Classify("https://www.youtube.com/@ghost", Outcome("https://www.youtube.com/@ghost") with { Status = 404 });

        Assert.Equal(("youtube", "YouTube answers 404 for a handle or channel that does not exist."), (result.Evidence.SiteId, result.Evidence.Detail));
    }

    [Fact]
    public void ANonJsonBodyNeverMatchesAJsonCondition()
    {
        var result = Classify("https://mastodon.social/@acme", Outcome("https://mastodon.social/api/v1/accounts/lookup?acct=acme") with { Status = 200, Body = "{\"suspended\": tru" });

        Assert.Equal((CheckClass.Alive, "http-2xx"), (result.Class, result.Evidence.RuleId));
    }

    private static CheckResult Classify(string profile, FetchOutcome outcome) =>
        Classifier.Classify(new Uri(profile), Rules.Recognise(new Uri(profile)), outcome, Now);

    private static FetchOutcome Outcome(string url) => new()
    {
        End = FetchEnd.Response,
        RequestedUrl = new Uri(url),
        FinalUrl = new Uri(url),
        Status = 200,
    };
}
