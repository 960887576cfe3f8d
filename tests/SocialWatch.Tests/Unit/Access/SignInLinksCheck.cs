using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Access;

namespace SocialWatch.Tests.Unit.Access;

/// <summary>Signed dashboard links: accepted until they expire, refused when altered, signed with a retired key, or for another purpose.</summary>
public sealed class SignInLinksCheck
{
    private const string Key = "unit-link-signing-key-0123456789abcdefghijklmnop";
    private const string OtherKey = "another-link-signing-key-0123456789abcdefghijkl";
    private const string Business = "rose-bakery";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);

    [Fact]
    public void AcceptsItsOwnLinkForItsBusinessUntilTheLifetimeEnds()
    {
        var links = Links(Key);
        var link = links.ForDashboard(Business);

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var check = links.Check(link.Token, SignInLinks.DashboardPurpose);

        Assert.Equal(SignInLinkStatus.Valid, check.Status);
        Assert.Equal(Business, check.BusinessId);
        Assert.Equal(Now + TimeSpan.FromDays(7), check.ExpiresAt);
        Assert.Equal(Now + TimeSpan.FromDays(7), link.ExpiresAt);
    }

    [Fact]
    public void RefusesItAsExpiredFromTheMomentItsLifetimeEnds()
    {
        var links = Links(Key, lifetime: TimeSpan.FromDays(2));
        var link = links.ForDashboard(Business);

        time.Advance(TimeSpan.FromDays(2));
        var check = links.Check(link.Token, SignInLinks.DashboardPurpose);

        Assert.Equal(SignInLinkStatus.Expired, check.Status);
        Assert.Equal("The sign-in link expired on 2026-11-25 09:00 UTC: use the link in a newer email, or sign in with an API key.", check.Message);
    }

    [Fact]
    public void PutsTheTokenInTheFragmentOfTheDashboardAddress()
    {
        var link = Links(Key, dashboard: "https://socialwatch.example/api/dashboard").ForDashboard(Business);

        Assert.Equal($"https://socialwatch.example/api/dashboard#link={link.Token}", link.Url.AbsoluteUri);
        Assert.StartsWith($"swl.dashboard.{Business}.{(Now + TimeSpan.FromDays(7)).ToUnixTimeSeconds()}.", link.Token, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, link.Url.AbsoluteUri, StringComparison.Ordinal);
    }

    /// <summary>Each signed field changed (business, expiry pushed later, purpose) and the signature itself.</summary>
    [Theory]
    [InlineData(2, "rose-bakerz")]
    [InlineData(3, "9999999999")]
    [InlineData(1, "dashboards")]
    [InlineData(5, "B")]
    public void RefusesAnAlteredFieldAsTampered(int field, string replacement)
    {
        var links = Links(Key);
        var parts = links.ForDashboard(Business).Token.Split('.');
        parts[field] = field == 5 ? (parts[5][0] == 'B' ? "C" : "B") + parts[5][1..] : replacement;

        var check = links.Check(string.Join('.', parts), SignInLinks.DashboardPurpose);

        Assert.Equal(SignInLinkStatus.Tampered, check.Status);
        Assert.Null(check.BusinessId);
        Assert.Contains("has been altered", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsALinkOfThePreviousKeyDuringARotationAndRefusesItAfter()
    {
        var token = Links(Key).ForDashboard(Business).Token;

        var duringRotation = Links(OtherKey, previous: Key).Check(token, SignInLinks.DashboardPurpose);
        var afterRotation = Links(OtherKey).Check(token, SignInLinks.DashboardPurpose);

        Assert.Equal(SignInLinkStatus.Valid, duringRotation.Status);
        Assert.Equal(SignInLinkStatus.UnknownKey, afterRotation.Status);
        Assert.Contains("no longer accepts", afterRotation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignsNewLinksWithTheCurrentKeyDuringARotation()
    {
        var token = Links(OtherKey, previous: Key).ForDashboard(Business).Token;

        Assert.Equal(SignInLinkStatus.Valid, Links(OtherKey).Check(token, SignInLinks.DashboardPurpose).Status);
        Assert.Equal(SignInLinkStatus.UnknownKey, Links(Key).Check(token, SignInLinks.DashboardPurpose).Status);
    }

    [Fact]
    public void RefusesALinkMadeForAnotherPurpose()
    {
        var links = Links(Key);
        var token = links.Sign(Business, "unsubscribe", Now.AddDays(1));

        var check = links.Check(token, SignInLinks.DashboardPurpose);

        Assert.Equal(SignInLinkStatus.WrongPurpose, check.Status);
        Assert.Equal("This link was made for 'unsubscribe', not for signing in to the dashboard.", check.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("swl.dashboard.rose-bakery")]
    [InlineData("swk.rose-bakery.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("swl.dashboard.rose-bakery.-5.abcdefgh.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("swl.dashboard.rose-bakery.1795000000.abcdefgh.AAAA")]
    [InlineData("swl.dashboard.Rose Bakery.1795000000.abcdefgh.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void RefusesAMalformedToken(string? token)
    {
        var check = Links(Key).Check(token, SignInLinks.DashboardPurpose);

        Assert.Equal(SignInLinkStatus.Malformed, check.Status);
    }

    [Fact]
    public void NeverShowsTheSigningKeyInWhatItSays()
    {
        var links = Links(Key);
        var token = links.ForDashboard(Business).Token;
        time.Advance(TimeSpan.FromDays(30));

        var messages = new[] { token, token[..^2] + "xx", token.Replace(Business, "other-one", StringComparison.Ordinal) }
            .Select(t => links.Check(t, SignInLinks.DashboardPurpose).Message);

        Assert.All(messages, m => Assert.DoesNotContain(Key, m, StringComparison.Ordinal));
    }

    private SignInLinks Links(string key, string? previous = null, TimeSpan? lifetime = null, string dashboard = SignInLinkOptions.LocalDashboardUrl) =>
        new(Options.Create(new SignInLinkOptions { SigningKey = key, PreviousSigningKey = previous, Lifetime = lifetime ?? TimeSpan.FromDays(7), DashboardUrl = new Uri(dashboard) }), time);
}
