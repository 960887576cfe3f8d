using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Access;
using SocialWatch.Alerts;

namespace SocialWatch.Tests.Unit.Alerts;

/// <summary>Every email ends with the business's dashboard sign-in link, in its text and as a link in its HTML.</summary>
public sealed class DashboardLinkFooterAddTo
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EndsTheTextAndTheHtmlWithALinkThatSignsInToTheBusiness()
    {
        var links = Links();
        var email = new EmailDocument().Paragraph("Hello Rosa,").ToEmail("rosa@rose-bakery.example", "Rosé Bakery: your X profile looks abandoned");

        var sent = new DashboardLinkFooter(links).AddTo(email, "rose-bakery");

        var url = Assert.Single(System.Text.RegularExpressions.Regex.Matches(sent.TextBody, @"https://\S+").Select(m => m.Value));
        Assert.StartsWith("https://socialwatch.example/api/dashboard#link=swl.dashboard.rose-bakery.", url, StringComparison.Ordinal);
        Assert.Equal(SignInLinkStatus.Valid, links.Check(url[(url.IndexOf("#link=", StringComparison.Ordinal) + 6)..], SignInLinks.DashboardPurpose).Status);
        Assert.StartsWith("Hello Rosa,\n\nSee all your profiles on your dashboard:\n" + url + "\n", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("until 30 November 2026 09:00 UTC", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{url}\">your SocialWatch dashboard</a>", sent.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("</p></body></html>", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(email.Subject, sent.Subject);
        Assert.Equal(email.To, sent.To);
    }

    [Fact]
    public void AddsItToATextOnlyEmailWithoutMakingHtml()
    {
        var sent = new DashboardLinkFooter(Links()).AddTo(new EmailMessage("rosa@rose-bakery.example", "Subject", "Body."), "rose-bakery");

        Assert.Null(sent.HtmlBody);
        Assert.Contains("#link=swl.dashboard.rose-bakery.", sent.TextBody, StringComparison.Ordinal);
    }

    private SignInLinks Links() => new(
        Options.Create(new SignInLinkOptions { SigningKey = "unit-link-signing-key-0123456789abcdefghijklmnop", DashboardUrl = new Uri("https://socialwatch.example/api/dashboard") }),
        time);
}
