using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Alerts;
using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Collection;
using SocialWatch.Functions;
using SocialWatch.Functions.Hosting;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>
/// The real app in memory on Azurite, checking the fake networks, sending mail to a real maildev, on a fake clock. Its timer
/// and queue functions are run by name through the app's FunctionInvoker (the path both runtimes take), so the test
/// decides when a sweep runs and when its messages are handled.
/// </summary>
public sealed class MonitoredApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly TestAppRoot root = TestAppRoot.Create(null);
    private readonly FunctionsAppFactory app;
    private readonly HttpClient client;

    private MonitoredApp(AzuriteFixture azurite, FakeNetworks fakes, MaildevServer maildev, (string Key, string? Value)[] settings)
    {
        Maildev = maildev;
        Time = new FakeTimeProvider(Start);
        var all = fakes.Settings(
            [
                ("SocialWatch:Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("SocialWatch:Checks:SweepGuard:CanaryUrls:0", fakes.Url("canary.test", "/").AbsoluteUri),
                // On a fake clock, no retry may wait (its delay would never pass).
                ("SocialWatch:Checks:MaxRetries", "0"),
                .. settings,
            ]);
        app = new FunctionsAppFactory(azurite, root, AzuriteFixture.NewPrefix(), services => services.AddSingleton<TimeProvider>(Time), all);
        Services = app.Start();
        client = app.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public MaildevServer Maildev { get; }

    public IServiceProvider Services { get; }

    public HttpClient Client => client;

    public static async Task<MonitoredApp> StartAsync(AzuriteFixture azurite, FakeNetworks fakes, params (string Key, string? Value)[] settings) =>
        new(azurite, fakes, await MaildevServer.StartAsync(), settings);

    /// <summary>A business whose website is the fake bakery site, with the test plan (Instagram 4 a week, Facebook 0.25).</summary>
    public async Task<string> CreateBusinessAsync(FakeNetworks fakes)
    {
        var body = ApiScenario.Business("b-" + Guid.NewGuid().ToString("N")[..12]);
        body["websites"] = new JsonArray(fakes.Url("acme-bakery.test", "/").AbsoluteUri);
        var created = await client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, body);
        var id = (string)(await created.OkJsonAsync(HttpStatusCode.Created))["id"]!;
        await client.SavePlanAsync(id);
        return id;
    }

    public async Task<string> CreateProfileAsync(string businessId, Network network, Uri url, string? ownerEmail = "social@rose-bakery.example")
    {
        var body = new JsonObject { ["network"] = network.Name(), ["url"] = url.AbsoluteUri, ["handle"] = "acme", ["ownerEmail"] = ownerEmail };
        return await client.CreateProfileAsync(businessId, body);
    }

    public Task SweepAsync() =>
        Invoker.InvokeTimerAsync(SweepProfiles.Name, new TimerInvocation(false, null), TestContext.Current.CancellationToken);

    /// <summary>Runs ContinueSweep on every continue-sweep message until none is left (each run may send the next); returns how many.</summary>
    public Task<int> ContinueSweepsAsync() => DrainAsync(SweepContinuationQueue.QueueName, ContinueSweep.Name, 1);

    /// <summary>Handles every visible check-profile message, <paramref name="concurrency"/> at a time; returns how many.</summary>
    public Task<int> CheckAllAsync(int concurrency = 1) => DrainAsync(CheckQueue.QueueName, CheckProfile.Name, concurrency);

    /// <summary>Sends every recorded email (DispatchEmail on each outbox message) and returns what maildev received in all.</summary>
    public async Task<IReadOnlyList<MaildevServer.ReceivedEmail>> DeliverEmailsAsync()
    {
        await DrainAsync(OutboxQueue.QueueName, DispatchEmail.Name, 1);
        return await Maildev.EmailsAsync();
    }

    public Task<int> AuditWebsitesAsync() => DrainAsync(AuditQueue.QueueName, AuditWebsite.Name, 1, before: () => Services.GetRequiredService<LinkAudits>().EnqueueAllAsync(TestContext.Current.CancellationToken));

    public async Task<ProfileHealth?> HealthAsync(string businessId, string profileId) =>
        (await Services.GetRequiredService<IProfileHealthStore>().FindAsync(new ProfileKey(businessId, profileId), TestContext.Current.CancellationToken))?.Value;

    /// <summary>The owner's "we posted" through the API.</summary>
    public async Task RecordActivityAsync(string businessId, string profileId, string at)
    {
        var posted = await client.SendAsync(HttpMethod.Post, $"/api/businesses/{businessId}/profiles/{profileId}/activity", ApiHost.AdminKey, new JsonObject { ["at"] = at });
        await posted.OkJsonAsync();
    }

    /// <summary>Stores what a collector would have learnt of the profile's life at <paramref name="seenAt"/> (its collection state).</summary>
    public async Task ReportLifeAsync(string businessId, string profileId, LifeSignal life, DateTimeOffset seenAt)
    {
        var key = new ProfileKey(businessId, profileId);
        var profile = (await Services.GetRequiredService<IProfileStore>().FindAsync(key, TestContext.Current.CancellationToken))!.Value;
        var state = CollectionState.New(key, ProfileCollection.Choose(profile), seenAt) with { Life = life, LifeSeenAt = seenAt };
        await Services.GetRequiredService<ICollectionStateStore>().InsertAsync(state, TestContext.Current.CancellationToken);
    }

    public QueueClient Queue(string baseName) =>
        Services.GetRequiredService<QueueServiceClient>().GetQueueClient(Services.GetRequiredService<StorageNames>().Queue(baseName));

    public LogCollector Logs => app.Logs;

    /// <summary>Runs sweeps and their checks every <paramref name="step"/> for <paramref name="times"/> times, the first one now.</summary>
    public async Task SweepAndCheckAsync(int times, TimeSpan step)
    {
        for (var i = 0; i < times; i++)
        {
            if (i > 0)
            {
                Time.Advance(step);
            }

            await SweepAsync();
            await CheckAllAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await Maildev.DisposeAsync();
        root.Dispose();
    }

    public FunctionInvoker Invoker => Services.GetRequiredService<FunctionInvoker>();

    private async Task<int> DrainAsync(string queueBase, string functionName, int concurrency, Func<Task>? before = null)
    {
        if (before is not null)
        {
            await before();
        }

        var queue = Queue(queueBase);
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var handled = 0;
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken)).Value;
            if (received.Length == 0)
            {
                return handled;
            }

            await Parallel.ForEachAsync(received, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (message, token) =>
            {
                await Invoker.InvokeQueueAsync(functionName, new QueueInvocation(message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn), token);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
            });
            handled += received.Length;
        }
    }
}
