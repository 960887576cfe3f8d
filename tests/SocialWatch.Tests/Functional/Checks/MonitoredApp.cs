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
using Microsoft.Azure.Functions.Worker;
using SocialWatch.Businesses;
using SocialWatch.Plans;
using System.Text.Json;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>
/// The app's functions in the test process (<see cref="FunctionsApp"/>: the worker's own services) on Azurite, checking the
/// fake networks, sending mail to a real maildev, on a fake clock: the test decides when a sweep runs and when its messages
/// are handled, by running the function classes themselves. With <c>api</c>, the app also runs as it does for users (the
/// local host and the worker, its triggers off) on the same storage, for what a test reads through the HTTP API.
/// </summary>
public sealed class MonitoredApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The worker's timer and queue functions (every function but the HTTP ones), as the SDK listed them.</summary>
    private static readonly string[] Triggers =
    [
        .. JsonNode.Parse(File.ReadAllText(Path.Combine(AppHost.WorkerDirectory, "functions.metadata")))!.AsArray()
            .Where(f => f!["bindings"]!.AsArray().All(b => (string?)b!["type"] is not ("httpTrigger" or "http")))
            .Select(f => (string)f!["name"]!),
    ];

    private readonly FunctionsApp app;
    private AppHost? api;

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
        app = new FunctionsApp(azurite, AzuriteFixture.NewPrefix(), services => services.AddSingleton<TimeProvider>(Time), all.Select(s => (s.Key, s.Value)));
    }

    public FakeTimeProvider Time { get; }

    public MaildevServer Maildev { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>A client of the app's HTTP API on the same storage (started with <c>api: true</c>).</summary>
    public HttpClient Client => (api ?? throw new InvalidOperationException("Start the MonitoredApp with api: true to call its HTTP API.")).Client;

    public static async Task<MonitoredApp> StartAsync(AzuriteFixture azurite, FakeNetworks fakes, params (string Key, string? Value)[] settings) =>
        await StartAsync(azurite, fakes, api: false, settings);

    public static async Task<MonitoredApp> StartAsync(AzuriteFixture azurite, FakeNetworks fakes, bool api, params (string Key, string? Value)[] settings)
    {
        var monitored = new MonitoredApp(azurite, fakes, await MaildevServer.StartAsync(), settings);
        if (api)
        {
            var hosted = new Dictionary<string, string?>(monitored.app.Settings);
            foreach (var function in Triggers)
            {
                hosted[$"AzureWebJobs.{function}.Disabled"] = "true";
            }

            monitored.api = await AppHost.StartAsync(hosted);
        }

        return monitored;
    }

    /// <summary>A business whose website is the fake bakery site, with the test plan (Instagram 4 a week, Facebook 0.25).</summary>
    public async Task<string> CreateBusinessAsync(FakeNetworks fakes)
    {
        var body = ApiScenario.Business("b-" + Guid.NewGuid().ToString("N")[..12]);
        body["websites"] = new JsonArray(fakes.Url("acme-bakery.test", "/").AbsoluteUri);
        var business = Succeeded(await Service<BusinessService>().CreateAsync(Read<BusinessInput>(body), Cancel));
        Succeeded(await Service<PlanService>().SaveAsync(business.Id, Read<PlanInput>(ApiScenario.Plan()), VersionCondition.None, Cancel));
        return business.Id;
    }

    public async Task<string> CreateProfileAsync(string businessId, Network network, Uri url, string? ownerEmail = "social@rose-bakery.example") =>
        Succeeded(await Service<ProfileService>().CreateAsync(businessId, new ProfileInput(network, url.AbsoluteUri, "acme", OwnerEmail: ownerEmail), Cancel)).Id;

    /// <summary>Runs one invocation of a function, in a scope of its own.</summary>
    public Task RunAsync<TFunction>(Func<TFunction, Task> invoke)
        where TFunction : class => app.RunAsync(invoke);

    public Task SweepAsync() => app.RunAsync<SweepProfiles>(f => f.Run(new TimerInfo(), Cancel));

    /// <summary>Runs ContinueSweep on every continue-sweep message until none is left (each run may send the next); returns how many.</summary>
    public Task<int> ContinueSweepsAsync() => DrainAsync<ContinueSweep>(SweepContinuationQueue.QueueName, (f, m, t) => f.Run(m, t), 1);

    /// <summary>Handles every visible check-profile message, <paramref name="concurrency"/> at a time; returns how many.</summary>
    public Task<int> CheckAllAsync(int concurrency = 1) => DrainAsync<CheckProfile>(CheckQueue.QueueName, (f, m, t) => f.Run(m, t), concurrency);

    /// <summary>Sends every recorded email (DispatchEmail on each outbox message) and returns what maildev received in all.</summary>
    public async Task<IReadOnlyList<MaildevServer.ReceivedEmail>> DeliverEmailsAsync()
    {
        await DrainAsync<DispatchEmail>(OutboxQueue.QueueName, (f, m, t) => f.Run(m, t), 1);
        return await Maildev.EmailsAsync();
    }

    public Task<int> AuditWebsitesAsync() => DrainAsync<AuditWebsite>(AuditQueue.QueueName, (f, m, t) => f.Run(m, t), 1, before: () => Services.GetRequiredService<LinkAudits>().EnqueueAllAsync(TestContext.Current.CancellationToken));

    public async Task<ProfileHealth?> HealthAsync(string businessId, string profileId) =>
        (await Services.GetRequiredService<IProfileHealthStore>().FindAsync(new ProfileKey(businessId, profileId), TestContext.Current.CancellationToken))?.Value;

    /// <summary>The owner's "we posted", as the API records it.</summary>
    public async Task RecordActivityAsync(string businessId, string profileId, string at) =>
        Succeeded(await Service<HealthReports>().RecordActivityAsync(businessId, profileId, Read<ActivityInput>(new JsonObject { ["at"] = at }), Cancel));

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

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        await app.DisposeAsync();
        await Maildev.DisposeAsync();
    }

    private static T Read<T>(JsonNode json) => json.Deserialize<T>(JsonSerializerOptions.Web)!;

    private static T Succeeded<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"{outcome.Status}: {string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");

    private T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private async Task<int> DrainAsync<TFunction>(string queueBase, Func<TFunction, string, CancellationToken, Task> run, int concurrency, Func<Task>? before = null)
        where TFunction : class
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
                await app.RunAsync<TFunction>(function => run(function, message.Body.ToString(), token));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
            });
            handled += received.Length;
        }
    }
}
