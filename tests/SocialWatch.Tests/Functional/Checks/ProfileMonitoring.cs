using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Alerts;
using SocialWatch.Checks;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Collectors;
using SocialWatch.Functions;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>
/// The checks wired into the app: SweepProfiles → CheckProfile → profile health → outbox → DispatchEmail → maildev, against
/// fake networks on loopback and a fake clock. The class of every answer is covered by the checks' own tests; these prove
/// what the app does with them.
/// </summary>
public sealed class ProfileMonitoring(AzuriteFixture azurite, FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    private Uri Flaky(string pathAndQuery) => fakes.Url("flaky.test", pathAndQuery + (pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "id=" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task DeclaresDeadAfterThreeResultsOverADayAndEmailsOnceListingTheLinkingPages()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/ghost/"));
        await app.AuditWebsitesAsync();

        await app.SweepAndCheckAsync(2, HalfDay);
        Assert.Empty(await app.DeliverEmailsAsync());
        Assert.Equal((DeclaredHealth.Unknown, 2), ((await app.HealthAsync(business, profile))!.Verdict.State, (await app.HealthAsync(business, profile))!.Verdict.DeadRun));

        app.Time.Advance(HalfDay);
        await app.SweepAndCheckAsync(1, TimeSpan.Zero);
        app.Time.Advance(TimeSpan.FromHours(24));
        await app.SweepAndCheckAsync(1, TimeSpan.Zero);

        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal(DeclaredHealth.Dead, health.Verdict.State);
        Assert.Equal(MonitoredApp.Start, health.Verdict.Since);
        Assert.Equal(4, health.History.Count);
        var email = Assert.Single(await app.DeliverEmailsAsync());
        Assert.Equal("social@rose-bakery.example", Assert.Single(email.To).Email);
        Assert.Contains("can no longer be found", email.Subject, StringComparison.Ordinal);
        Assert.Contains(fakes.Url("acme-bakery.test", "/").AbsoluteUri, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsARecoveryEmailWhenADeadProfileAnswersAgain()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Other, Flaky("/status?code=404&times=3"));

        await app.SweepAndCheckAsync(3, HalfDay);
        Assert.Equal(DeclaredHealth.Dead, (await app.HealthAsync(business, profile))!.Verdict.State);
        app.Time.Advance(TimeSpan.FromHours(24));
        await app.SweepAndCheckAsync(1, TimeSpan.Zero);

        Assert.Equal(DeclaredHealth.Alive, (await app.HealthAsync(business, profile))!.Verdict.State);
        var emails = await app.DeliverEmailsAsync();
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, e => e.Subject.Contains("can be found again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedCanaryVoidsTheSweepWithNothingEnqueued()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, ("SocialWatch:Checks:SweepGuard:CanaryUrls:0", Flaky("/status?code=503").AbsoluteUri));
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/ghost/"));

        await app.SweepAsync();

        Assert.Equal(0, await app.CheckAllAsync());
        Assert.Null(await app.HealthAsync(business, profile));
        Assert.True(app.Logs.Contains(LogLevel.Warning, "sweep void: connectivity canary"), "the void sweep is logged with its reason");
    }

    [Fact]
    public async Task AnOutageVoidsTheSweepAndChangesNoStateAndSendsNoEmail()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, ("SocialWatch:Checks:SweepGuard:MinimumSample", "1"));
        var business = await app.CreateBusinessAsync(fakes);
        var failing = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            failing.Add(await app.CreateProfileAsync(business, Network.Other, Flaky("/drop")));
        }

        await app.SweepAndCheckAsync(3, HalfDay);

        foreach (var profile in failing)
        {
            Assert.Null(await app.HealthAsync(business, profile));
        }

        Assert.Empty(await app.DeliverEmailsAsync());
        Assert.True(app.Logs.Contains(LogLevel.Warning, "results transient"), "the void sweep is logged with its reason");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendsExactlyOneEmailWhenTwoSweepsCheckTheSameProfileAtOnce(bool healthChangesAfterTheSweeps)
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/ghost/"));
        await app.SweepAndCheckAsync(2, HalfDay);
        app.Time.Advance(HalfDay);

        await app.SweepAsync();
        await app.SweepAsync();
        if (healthChangesAfterTheSweeps)
        {
            // Both messages carry a health whose version is then gone: both checks must read it again, and still agree.
            await app.RecordActivityAsync(business, profile, "2026-11-19T10:00:00Z");
        }

        Assert.Equal(2, await app.CheckAllAsync(concurrency: 2));

        Assert.Equal(DeclaredHealth.Dead, (await app.HealthAsync(business, profile))!.Verdict.State);
        Assert.Single(await app.DeliverEmailsAsync());
    }

    [Fact]
    public async Task EmailsOnceAboutAProfileWhoseLastActivityIsLongPast()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/acme/"));
        await app.RecordActivityAsync(business, profile, "2026-09-01T10:00:00Z");

        await app.SweepAndCheckAsync(3, TimeSpan.FromDays(1));

        var email = Assert.Single(await app.DeliverEmailsAsync());
        Assert.Contains("looks abandoned", email.Subject, StringComparison.Ordinal);
        Assert.Contains("has not posted since 1 September 2026", email.Text, StringComparison.Ordinal);
        Assert.Equal(ProfileCondition.Abandoned, (await app.HealthAsync(business, profile))!.Alert.Condition);
    }

    [Fact]
    public async Task NeverEmailsAboutAnAliveProfileWhoseActivityIsUnknown()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/acme/"));

        await app.SweepAndCheckAsync(1, TimeSpan.Zero);
        app.Time.Advance(TimeSpan.FromDays(90));
        await app.SweepAndCheckAsync(2, TimeSpan.FromDays(1));

        Assert.Empty(await app.DeliverEmailsAsync());
        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal(DeclaredHealth.Alive, health.Verdict.State);
        Assert.Null(health.Activity);
    }

    [Fact]
    public async Task HoldsARateLimitedHostsChecksUntilItsRetryTimeWithOneMessageForTheHost()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var first = await app.CreateProfileAsync(business, Network.Other, Flaky("/retry-after?seconds=3600&times=1"));
        var second = await app.CreateProfileAsync(business, Network.Other, Flaky("/retry-after?seconds=3600&times=1"));

        await app.SweepAsync();
        Assert.Equal(2, await app.CheckAllAsync());

        foreach (var profile in new[] { first, second })
        {
            var health = (await app.HealthAsync(business, profile))!;
            Assert.Equal(CheckClass.RateLimited, health.LastCheck!.Class);
            Assert.Equal(MonitoredApp.Start.AddHours(1), health.NextCheckAt);
        }

        var held = await app.Services.GetRequiredService<IHeldCheckStore>().ListAsync(business, TestContext.Current.CancellationToken);
        Assert.Equal([first, second], held.Select(h => h.Value.Check.ProfileId).Order(StringComparer.Ordinal));
        Assert.All(held, h => Assert.Equal(("flaky.test", MonitoredApp.Start.AddHours(1)), (h.Value.Host, h.Value.RetryAt)));
        var due = app.Queue(CheckQueue.DueQueueName);
        Assert.Equal(1, (await due.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
        Assert.Empty((await due.PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Equal(0, (await app.Queue(CheckQueue.QueueName).GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task ResumeHeldChecksSendsAHostsChecksBackWhenTheirRetryTimeHasComeAndNotBefore()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Other, Flaky("/retry-after?seconds=3600&times=1"));
        await app.SweepAsync();
        await app.CheckAllAsync();
        var due = new HeldChecksDue("flaky.test", MonitoredApp.Start.AddHours(1));

        app.Time.Advance(TimeSpan.FromMinutes(59));
        await app.RunAsync<ResumeHeldChecks>(f => f.Run(due.Serialize(), TestContext.Current.CancellationToken));
        Assert.Equal(0, await app.CheckAllAsync());

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.RunAsync<ResumeHeldChecks>(f => f.Run(due.Serialize(), TestContext.Current.CancellationToken));
        Assert.Equal(1, await app.CheckAllAsync());

        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal(2, health.History.Count);
        Assert.Equal((CheckClass.Alive, app.Time.GetUtcNow()), (health.LastCheck!.Class, health.LastCheck.CheckedAt));
        Assert.Empty(await app.Services.GetRequiredService<IHeldCheckStore>().ListAsync(business, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/admin")]
    public async Task RefusesPrivateAddressesThroughCheckProfile(string url)
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var direct = await app.CreateProfileAsync(business, Network.Other, new Uri(url));
        var redirected = await app.CreateProfileAsync(business, Network.Other, Flaky("/redirect?to=" + Uri.EscapeDataString(url)));

        await app.SweepAndCheckAsync(1, TimeSpan.Zero);

        foreach (var profile in new[] { direct, redirected })
        {
            var check = (await app.HealthAsync(business, profile))!.LastCheck!;
            Assert.Equal(CheckClass.Blocked, check.Class);
            Assert.Contains("refus", check.RuleId + " " + check.Detail, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task EmailsOnceWhenAProfileMovesNamingItsNewAddress()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Mastodon, fakes.Url("mastodon.social", "/@moved"));
        await app.AuditWebsitesAsync();

        await app.SweepAndCheckAsync(3, TimeSpan.FromDays(1));

        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal((DeclaredHealth.Moved, new Uri("https://mastodon.online/@acme")), (health.Verdict.State, health.Verdict.MovedTo));
        Assert.Equal(ProfileCondition.Moved, health.Alert.Condition);
        var email = Assert.Single(await app.DeliverEmailsAsync());
        Assert.Equal("social@rose-bakery.example", Assert.Single(email.To).Email);
        Assert.Contains("has moved", email.Subject, StringComparison.Ordinal);
        Assert.Contains("has moved to https://mastodon.online/@acme", email.Text, StringComparison.Ordinal);
        Assert.Contains("Update the links on your website", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeighsACollectorsLifeSignalLikeOneOfItsOwnResults()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Mastodon, fakes.Url("mastodon.social", "/@gone"));
        await app.ReportLifeAsync(business, profile, LifeSignal.Suspended, MonitoredApp.Start - HalfDay);

        await app.SweepAndCheckAsync(1, TimeSpan.Zero);
        var afterOne = (await app.HealthAsync(business, profile))!;
        Assert.Equal((DeclaredHealth.Unknown, 2), (afterOne.Verdict.State, afterOne.Verdict.DeadRun));
        Assert.Contains(afterOne.History, h => h.RuleId == "collector-suspended");

        app.Time.Advance(HalfDay);
        await app.SweepAndCheckAsync(1, TimeSpan.Zero);

        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal(DeclaredHealth.Dead, health.Verdict.State);
        Assert.Equal(MonitoredApp.Start - HalfDay, health.Verdict.Since);
        Assert.Single(await app.DeliverEmailsAsync());
    }

    [Fact]
    public async Task NeverDeclaresDeadOnACollectorsSignalAlone()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Mastodon, fakes.Url("mastodon.social", "/@acme"));
        await app.ReportLifeAsync(business, profile, LifeSignal.Suspended, MonitoredApp.Start - TimeSpan.FromDays(2));

        await app.SweepAndCheckAsync(3, HalfDay);

        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal((DeclaredHealth.Alive, 0), (health.Verdict.State, health.Verdict.DeadRun));
        Assert.Empty(await app.DeliverEmailsAsync());
    }

    [Fact]
    public async Task AppliesTheCheckToTheHealthAsItIsWhenItChangedAfterTheSweepCarriedIt()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes);
        var business = await app.CreateBusinessAsync(fakes);
        var profile = await app.CreateProfileAsync(business, Network.Instagram, fakes.Url("www.instagram.com", "/ghost/"));
        await app.SweepAndCheckAsync(1, TimeSpan.Zero);
        app.Time.Advance(HalfDay);

        await app.SweepAsync();
        await app.RecordActivityAsync(business, profile, "2026-11-19T10:00:00Z");
        Assert.Equal(1, await app.CheckAllAsync());

        var health = (await app.HealthAsync(business, profile))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), health.Activity!.At);
        Assert.Equal(2, health.Verdict.DeadRun);
        Assert.Equal(2, health.History.Count);
    }
}
