using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts;
using SocialWatch.Storage;
using SocialWatch.Telemetry;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Alerts;

/// <summary>The outbox against real Azurite and a real SMTP server (maildev).</summary>
public sealed class OutboxDispatch(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly string prefix = AzuriteFixture.NewPrefix();
    private MaildevServer maildev = null!;

    public async ValueTask InitializeAsync() => maildev = await MaildevServer.StartAsync();

    public async ValueTask DisposeAsync() => await maildev.DisposeAsync();

    private ServiceProvider Services(int smtpPort) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSocialWatchStorage(Configuration(smtpPort))
            .AddAlerts(Configuration(smtpPort))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    private IConfiguration Configuration(int smtpPort)
    {
        var settings = TestSettings.For(azurite, prefix, smtpPort);
        settings["SocialWatch:Smtp:Timeout"] = "00:00:05";
        settings["SocialWatch:Smtp:From"] = "SocialWatch <alerts@socialwatch.test>";
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static EmailMessage Email(string subject) => new("owner@bakery.test", subject, "Your Instagram profile has not posted for 41 days.");

    [Fact]
    public async Task SendsARecordedEmailExactlyOnceEvenWhenDispatchedAgain()
    {
        await using var services = Services(maildev.SmtpPort);
        var outbox = services.GetRequiredService<Outbox>();
        var address = new OutboxAddress("bakery", "profile-abandoned/ig-1/2026-11-23");

        Assert.True(await outbox.EnqueueAsync(address.BusinessId, address.DedupeKey, Email("Instagram looks abandoned"), CancellationToken.None));
        Assert.Equal(DispatchOutcome.Sent, await outbox.DispatchAsync(address, CancellationToken.None));
        Assert.Equal(DispatchOutcome.AlreadySent, await outbox.DispatchAsync(address, CancellationToken.None));

        var received = Assert.Single(await maildev.EmailsAsync());
        Assert.Equal("Instagram looks abandoned", received.Subject);
        Assert.Equal("owner@bakery.test", Assert.Single(received.To).Email);
        Assert.Contains("41 days", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingAnEmailCostsOneTableAndOneQueueOperationOnceWarm()
    {
        await using var services = Services(maildev.SmtpPort);
        var outbox = services.GetRequiredService<Outbox>();
        var operations = services.GetRequiredService<StorageOperations>();
        await outbox.EnqueueAsync("bakery", "warm-up", Email("warm-up"), CancellationToken.None);
        var (tables, queues) = (operations.Tables.Count, operations.Queues.Count);

        await outbox.EnqueueAsync("bakery", "profile-dead/tt-1/2026-11-23", Email("TikTok profile is gone"), CancellationToken.None);

        Assert.Equal(1, operations.Tables.Count - tables);
        Assert.Equal(1, operations.Queues.Count - queues);
    }

    [Fact]
    public async Task RecordsTheSameEventOnceWhenTwoSweepsEnqueueItAtOnce()
    {
        await using var first = Services(maildev.SmtpPort);
        await using var second = Services(maildev.SmtpPort);
        var outboxes = new[] { first.GetRequiredService<Outbox>(), second.GetRequiredService<Outbox>() };

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            outboxes[i % 2].EnqueueAsync("bakery", "profile-dead/fb-1/2026-11-23", Email("Facebook profile is gone"), CancellationToken.None)));
        var address = new OutboxAddress("bakery", "profile-dead/fb-1/2026-11-23");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => outboxes[i % 2].DispatchAsync(address, CancellationToken.None)));

        Assert.Equal(1, recorded.Count(r => r));
        Assert.Equal(1, outcomes.Count(o => o == DispatchOutcome.Sent));
        Assert.Single(await maildev.EmailsAsync());
    }

    [Fact]
    public async Task KeepsMailWhileSmtpIsDownAndSendsItWhenSmtpIsBack()
    {
        var downPort = FreePort.Next();
        await using var services = Services(downPort);
        using var metrics = new MetricCapture(services.GetRequiredService<IMeterFactory>());
        var outbox = services.GetRequiredService<Outbox>();
        var store = services.GetRequiredService<IOutboxStore>();
        var address = new OutboxAddress("bakery", "profile-dead/yt-1/2026-11-23");
        await outbox.EnqueueAsync(address.BusinessId, address.DedupeKey, Email("YouTube channel is gone"), CancellationToken.None);

        Assert.Equal(DispatchOutcome.Deferred, await outbox.DispatchAsync(address, CancellationToken.None));
        var waiting = await store.GetAsync(address, CancellationToken.None);
        Assert.Equal(OutboxState.Pending, waiting!.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.False(string.IsNullOrEmpty(waiting.LastError));
        Assert.True(waiting.NextAttemptAt > time.GetUtcNow());
        Assert.Equal(DispatchOutcome.NotDue, await outbox.DispatchAsync(address, CancellationToken.None));
        Assert.Equal(0, await outbox.RequeueDueAsync(CancellationToken.None));

        await using var back = await MaildevServer.StartAsync(downPort);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await outbox.RequeueDueAsync(CancellationToken.None));
        Assert.Equal(DispatchOutcome.Sent, await outbox.DispatchAsync(address, CancellationToken.None));

        Assert.Equal("YouTube channel is gone", Assert.Single(await back.EmailsAsync()).Subject);
        var sent = await store.GetAsync(address, CancellationToken.None);
        Assert.Equal(OutboxState.Sent, sent!.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Single(metrics.Of(SocialWatchMetrics.EmailsFailedName));
        Assert.Single(metrics.Of(SocialWatchMetrics.EmailsSentName));
    }

    [Fact]
    public async Task RecordsFailureAndStopsTryingAfterTheGiveUpTime()
    {
        await using var services = Services(FreePort.Next());
        var outbox = services.GetRequiredService<Outbox>();
        var address = new OutboxAddress("bakery", "profile-dead/x-1/2026-11-23");
        await outbox.EnqueueAsync(address.BusinessId, address.DedupeKey, Email("X profile is gone"), CancellationToken.None);

        time.Advance(TimeSpan.FromDays(4));

        Assert.Equal(DispatchOutcome.GaveUp, await outbox.DispatchAsync(address, CancellationToken.None));
        var failed = await services.GetRequiredService<IOutboxStore>().GetAsync(address, CancellationToken.None);
        Assert.Equal(OutboxState.Failed, failed!.State);
        Assert.Equal(0, await outbox.RequeueDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReclaimsAnEmailWhoseDispatcherDiedMidSend()
    {
        await using var services = Services(maildev.SmtpPort);
        var outbox = services.GetRequiredService<Outbox>();
        var store = services.GetRequiredService<IOutboxStore>();
        var address = new OutboxAddress("bakery", "profile-dead/li-1/2026-11-23");
        await outbox.EnqueueAsync(address.BusinessId, address.DedupeKey, Email("LinkedIn page is gone"), CancellationToken.None);
        var entry = await store.GetAsync(address, CancellationToken.None);
        await store.TryReplaceAsync(entry! with { State = OutboxState.Sending, ClaimedUntil = time.GetUtcNow().AddMinutes(2), Attempts = 1 }, CancellationToken.None);

        Assert.Equal(DispatchOutcome.ClaimedElsewhere, await outbox.DispatchAsync(address, CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(DispatchOutcome.Sent, await outbox.DispatchAsync(address, CancellationToken.None));
        Assert.Single(await maildev.EmailsAsync());
    }

    [Fact]
    public async Task RefusesAnEmailWithoutAValidRecipientAndRecordsNothing()
    {
        await using var services = Services(maildev.SmtpPort);
        var outbox = services.GetRequiredService<Outbox>();

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync("bakery", "bad/1", new EmailMessage("not-an-address", "s", "b"), CancellationToken.None));
        Assert.Null(await services.GetRequiredService<IOutboxStore>().GetAsync(new OutboxAddress("bakery", "bad/1"), CancellationToken.None));
    }
}
