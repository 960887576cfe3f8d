using SocialWatch.Alerts;

namespace SocialWatch.Tests.Unit.Alerts;

public sealed class ProfileAlertEmailWrite
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly AlertOptions Options = new();

    private static ProfileAlertContext Profile(params string[] linkingPages) => new(
        "Rosa's <Bakery>", "Rosa", "rosa@bakery.test", "Instagram", "https://instagram.com/rosasbakery",
        PlannedPostsPerWeek: 3, LastActivity: Now.AddDays(-41), linkingPages, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    [Fact]
    public void AbandonedAlertSaysSinceWhenWhatToDoAndWhichPagesLink()
    {
        var decision = new AlertDecision(AlertKind.Alert, ProfileCondition.Abandoned, Now.AddDays(-41), "k");

        var email = ProfileAlertEmail.Write(decision, Profile("https://bakery.test/", "https://bakery.test/contact"), Now, Options);

        Assert.Equal("rosa@bakery.test", email.To);
        Assert.Equal("Rosa's <Bakery>: your Instagram profile looks abandoned", email.Subject);
        Assert.Contains("has not posted since 13 October 2026 (41 days)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("3 posts a week", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("  - https://bakery.test/contact", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("These 2 pages of your website link to it:", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadAlertSaysWhenItWentMissingAndThatNoPageLinksToIt()
    {
        var decision = new AlertDecision(AlertKind.Alert, ProfileCondition.Dead, Now.AddDays(-2), "k");

        var email = ProfileAlertEmail.Write(decision, Profile(), Now, Options);

        Assert.EndsWith("your Instagram profile can no longer be found", email.Subject, StringComparison.Ordinal);
        Assert.Contains("missing at every check since 21 November 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("We found no page of your website that links to it.", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ReminderSubjectCountsAndTheLastOneSaysSo()
    {
        var last = new AlertDecision(AlertKind.Reminder, ProfileCondition.Dead, Now.AddDays(-21), "k", ReminderNumber: 3);

        var email = ProfileAlertEmail.Write(last, Profile(), Now, Options);

        Assert.StartsWith("Rosa's <Bakery>: Reminder 3 of 3:", email.Subject, StringComparison.Ordinal);
        Assert.Contains("This was the last reminder", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void RecoveryEmailSaysNothingMoreToDo()
    {
        var recovery = new AlertDecision(AlertKind.Recovery, ProfileCondition.Abandoned, Now.AddDays(-41), "k");

        var email = ProfileAlertEmail.Write(recovery, Profile(), Now, Options);

        Assert.EndsWith("your Instagram profile is active again", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("remind", email.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void HtmlBodyEscapesWhatOwnersTyped()
    {
        var decision = new AlertDecision(AlertKind.Alert, ProfileCondition.Abandoned, Now.AddDays(-41), "k");

        var email = ProfileAlertEmail.Write(decision, Profile("https://bakery.test/?a=<script>"), Now, Options);

        Assert.Contains("Rosa&#39;s &lt;Bakery&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void MovedAlertNamesTheNewAddressAndAsksToUpdateTheLinksOnce()
    {
        var decision = new AlertDecision(AlertKind.Alert, ProfileCondition.Moved, Now.AddDays(-1), "k");

        var email = ProfileAlertEmail.Write(decision, Profile("https://bakery.test/") with { MovedTo = new Uri("https://mastodon.online/@rosa") }, Now, Options);

        Assert.EndsWith("your Instagram profile has moved", email.Subject, StringComparison.Ordinal);
        Assert.Contains("has moved to https://mastodon.online/@rosa", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Update the links on your website to the new address", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("  - https://bakery.test/", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("remind", email.TextBody, StringComparison.OrdinalIgnoreCase);
    }
}
