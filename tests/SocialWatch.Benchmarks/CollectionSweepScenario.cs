using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using SocialWatch.Businesses;
using SocialWatch.Checks.Health;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Collection;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Unit.Collectors;

namespace SocialWatch.Benchmarks;

/// <summary>
/// One collection sweep of 1,000 profiles across the sources, with the app's collection services on Azurite: 600 feeds on 6 hosts,
/// 300 Mastodon accounts on 3 instances, 100 Bluesky accounts on one AppView, all played by one loopback Kestrel that answers each
/// request after a fixed latency, under host names pinned to 127.0.0.1. The collect messages run as one instance's queue listener
/// runs them (host.json batchSize + newBatchThreshold at once, each deleted after), with the real activity log and scoring queue.
/// The politeness bound is what per-host concurrency allows: no sweep can be faster than its busiest host's requests × latency ÷
/// concurrency. Azurite's ceiling is the other bound: the same storage operations without sources or parsing, in the same run.
/// </summary>
internal static class CollectionSweepScenario
{
    private const int FeedHosts = 6;
    private const int MastodonHosts = 3;
    private const int FeedProfiles = 600;
    private const int MastodonProfiles = 300;
    private const int BlueskyProfiles = 100;
    private const int ProfilesPerBusiness = 50;
    private const int PerHostConcurrency = 2;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);
    private static readonly string[] Fixtures = ["mastodon-account.json", "mastodon-statuses.json", "bluesky-profile.json", "bluesky-author-feed.json"];

    /// <returns>The figures of the sweep with source latency (the cost model's).</returns>
    public static async Task<CollectionFigures> PrintAsync(string storageConnection, CancellationToken cancellationToken)
    {
        var figures = await PrintAsync(storageConnection, Latency, cancellationToken);
        // The same sweep with sources that answer at once: what storage, parsing and this machine's two cores cost on their own.
        await PrintAsync(storageConnection, TimeSpan.Zero, cancellationToken);
        return figures;
    }

    private static async Task<CollectionFigures> PrintAsync(string storageConnection, TimeSpan latency, CancellationToken cancellationToken)
    {
        var requests = new RequestCounter();
        await using var sources = await StartSourcesAsync(requests, latency);
        var port = sources.BaseAddress.Port;
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        await using var services = Services(storageConnection, prefix, port);
        var profiles = await AddProfilesAsync(services, port, cancellationToken);
        var collection = services.GetRequiredService<ProfileCollection>();
        var storage = services.GetRequiredService<StorageOperations>();

        var workers = InstanceConcurrency();
        Console.WriteLine(Invariant($"Collection sweep (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores): {profiles} profiles ({FeedProfiles} feeds on {FeedHosts} hosts, {MastodonProfiles} Mastodon accounts on {MastodonHosts} instances, {BlueskyProfiles} Bluesky accounts on 1 AppView), loopback sources answering after {latency.TotalMilliseconds:0} ms, {PerHostConcurrency} requests in flight per host, {workers} collections at once (one instance: host.json batchSize + newBatchThreshold), Azurite"));
        var storageBefore = storage.Total;
        var watch = Stopwatch.StartNew();
        var sent = await collection.SweepAsync(cancellationToken);
        var sweepTime = watch.Elapsed;
        Console.WriteLine(Invariant($"  SweepCollections: {sent} messages in {sweepTime.TotalSeconds:0.00} s, {storage.Total - storageBefore} storage requests (reads {profiles / ProfilesPerBusiness} businesses' profiles and states, one message per due profile)"));

        // The app's own queue client, so that the message deletes are counted with the rest.
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().Queue(CollectionQueue.QueueName));
        var messages = new List<QueueMessage>(sent);
        while (messages.Count < sent)
        {
            // Received before the clock starts, in batches as the listener receives them (its receive is 1/32 of a request per message).
            messages.AddRange((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value);
        }

        var outcomes = new Dictionary<CollectOutcome, int>();
        requests.Reset();
        var (tablesBefore, queuesBefore) = (storage.Tables.Count, storage.Queues.Count);
        watch.Restart();
        // As the queue listener runs CollectProfile: the message's request, then the message deleted on success.
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, async (message, token) =>
        {
            var outcome = await collection.CollectAsync(CollectionQueue.Read(message.Body.ToString()), token);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
            lock (outcomes)
            {
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        });
        var collectTime = watch.Elapsed;
        var tableRequests = storage.Tables.Count - tablesBefore;
        var queueRequests = storage.Queues.Count - queuesBefore;
        var collections = messages.Count;

        var hosts = requests.ByHost;
        var busiest = hosts.MaxBy(h => h.Value);
        var bound = busiest.Value * latency / PerHostConcurrency;
        var rate = collections / collectTime.TotalSeconds;
        var snapshots = services.GetRequiredService<SnapshotCount>();
        Console.WriteLine(Invariant($"  CollectProfile x{collections}: {collectTime.TotalSeconds:0.00} s = {rate:0} collections/s, {requests.Total} requests to {hosts.Count} hosts; outcomes {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}, {snapshots.Count} weekly snapshots sent"));
        Console.WriteLine(Invariant($"  storage per collection: {(tableRequests + queueRequests) / (double)collections:0.00} requests = tables {tableRequests / (double)collections:0.00} (profile read unless cached, last activity read + write when newer, one state write) + queues {queueRequests / (double)collections:0.00} (snapshot send, message delete)"));
        if (latency > TimeSpan.Zero)
        {
            await using var fresh = Services(storageConnection, prefix + "c", port);
            var ceiling = await AzuriteCeilingAsync(services.GetRequiredService<IProfileStore>(), fresh, collections, workers, snapshots.Last!, cancellationToken);
            Console.WriteLine(Invariant($"  politeness bound: busiest host {busiest.Key} {busiest.Value} requests x {latency.TotalMilliseconds:0} ms / {PerHostConcurrency} in flight = {bound.TotalSeconds:0.00} s; bound / collect time {bound / collectTime:0.00} (target 0.9)"));
            Console.WriteLine(Invariant($"  Azurite's ceiling for the same storage path (profile read, state insert, last activity read + write, snapshot send, message delete; no sources, no parsing; {workers} at once): {ceiling:0} collections/s, {collections / ceiling:0.00} s for {collections}; collect rate / ceiling {rate / ceiling:0.00}"));
            Console.WriteLine(Invariant($"  {(collections / ceiling > bound.TotalSeconds ? "Azurite's time for the storage path exceeds the politeness bound: storage, not politeness, limits this sweep here." : "The politeness bound exceeds Azurite's time for the storage path: the sources' pace limits this sweep.")}"));
        }

        Console.WriteLine();
        return new CollectionFigures(collections, rate, tableRequests / (double)collections, queueRequests / (double)collections, snapshots.Count / (double)collections);
    }

    /// <summary>
    /// Collections per second Azurite allows for one collection's storage operations done straight through the same stores and
    /// queues, without sources or parsing, at the same concurrency: what no collection sweep on this machine can beat. It reads
    /// the run's profiles and writes to fresh tables and queues (<paramref name="fresh"/>), as the run wrote to tables that were
    /// fresh for it: Azurite slows as its tables grow, and the ceiling should not pay for the run's rows.
    /// </summary>
    private static async Task<double> AzuriteCeilingAsync(
        IProfileStore profiles, ServiceProvider fresh, int count, int workers, EngagementSnapshot sample, CancellationToken cancellationToken)
    {
        var states = fresh.GetRequiredService<ICollectionStateStore>();
        var activity = fresh.GetRequiredService<IProfileActivityLog>();
        var scoring = fresh.GetRequiredService<SnapshotQueue>();
        var queue = fresh.GetRequiredService<QueueServiceClient>().GetQueueClient(fresh.GetRequiredService<StorageNames>().Queue("ceiling"));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, async (i, token) =>
            await queue.SendMessageAsync(i.ToString(CultureInfo.InvariantCulture), token));
        var messages = new List<QueueMessage>(count);
        while (messages.Count < count)
        {
            messages.AddRange((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value);
        }

        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, async (message, token) =>
        {
            var n = int.Parse(message.Body.ToString(), CultureInfo.InvariantCulture);
            var key = new ProfileKey($"bench-{n / ProfilesPerBusiness:D3}", $"p{n % ProfilesPerBusiness:D4}");
            await profiles.FindAsync(key, token);
            await scoring.EnqueueAsync([sample with { ProfileId = key.ProfileId }], token);
            await activity.RecordAsync(key, now, Profiles.ActivitySource.Collector, token);
            await states.InsertAsync(new CollectionState { Profile = key, Collector = CollectorKind.Feed, Source = "https://ceiling.bench/feed", NextDueAt = now }, token);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
        });
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The most collections one instance runs at once: the listener fetches batchSize more when in-flight falls to newBatchThreshold.</summary>
    private static int InstanceConcurrency()
    {
        var queues = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")))?["extensions"]?["queues"];
        var batchSize = queues?["batchSize"]?.GetValue<int>() ?? 16;
        return batchSize + (queues?["newBatchThreshold"]?.GetValue<int>() ?? batchSize / 2 * Environment.ProcessorCount);
    }

    private static ServiceProvider Services(string storageConnection, string prefix, int port)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnection,
            ["SocialWatch:Storage:Prefix"] = prefix,
            ["SocialWatch:Api:AdminKey"] = "bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz",
            ["SocialWatch:SignInLinks:SigningKey"] = "bench-link-signing-key-0123456789abcdefghijklmnop",
            ["SocialWatch:Checks:AllowLoopback"] = "true",
            ["SocialWatch:Checks:PerHostConcurrency"] = PerHostConcurrency.ToString(CultureInfo.InvariantCulture),
            // The bound measured here is concurrency over latency: no minimum interval between starts on top.
            ["SocialWatch:Checks:MinimumInterval"] = "00:00:00",
            ["SocialWatch:Collectors:BlueskyAppView"] = $"http://bsky.bench:{port}/",
        };
        foreach (var host in Hosts())
        {
            settings[$"SocialWatch:Checks:ResolveOverrides:{host}"] = "127.0.0.1";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "SocialWatch.Benchmarks", ContentRootPath = AppContext.BaseDirectory })
            .AddSocialWatchStorage(configuration)
            .AddTenants(configuration)
            .AddProfileCollection(configuration)
            // The real ports behind a collection: the last activity on the health record, snapshots to the scoring queue.
            .AddTenantStore<IProfileHealthStore, TableProfileHealthStore>()
            .AddSingleton<IProfileActivityLog, ProfileActivityLog>()
            .AddSingleton<SnapshotQueue>()
            .AddSingleton<SnapshotCount>()
            .AddSingleton<ISnapshotQueue>(provider => provider.GetRequiredService<SnapshotCount>())
            .BuildServiceProvider();
    }

    private static IEnumerable<string> Hosts() =>
        Enumerable.Range(0, FeedHosts).Select(i => $"feeds-{i}.bench")
            .Concat(Enumerable.Range(0, MastodonHosts).Select(i => $"mastodon-{i}.bench"))
            .Append("bsky.bench");

    private static async Task<int> AddProfilesAsync(ServiceProvider services, int port, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var businesses = services.GetRequiredService<IBusinessStore>();
        var store = services.GetRequiredService<IProfileStore>();
        // Each business has a mix, as a real one would (a blog, a Mastodon and a Bluesky account): the sources interleave in the queue.
        var profiles = Enumerable.Range(0, FeedProfiles).Select(i => (Order: i / (double)FeedProfiles, Network.Blog, "https://blog.example/", (string?)$"http://feeds-{i % FeedHosts}.bench:{port}/feed/{i}.rss"))
            .Concat(Enumerable.Range(0, MastodonProfiles).Select(i => (Order: i / (double)MastodonProfiles, Network.Mastodon, $"http://mastodon-{i % MastodonHosts}.bench:{port}/@user{i}", (string?)null)))
            .Concat(Enumerable.Range(0, BlueskyProfiles).Select(i => (Order: i / (double)BlueskyProfiles, Network.Bluesky, $"https://bsky.app/profile/user{i}.bench.social", (string?)null)))
            .OrderBy(p => p.Order)
            .Select(p => (p.Item2, p.Item3, p.Item4))
            .ToArray();
        for (var b = 0; b * ProfilesPerBusiness < profiles.Length; b++)
        {
            var businessId = $"bench-{b:D3}";
            await businesses.UpsertAsync(new Business(businessId, $"Bench {b}", ["https://bench.example/"], Audience.Business, "UTC", new Person("Bench", "bench@bench.example"), [], now, now), cancellationToken);
            await Parallel.ForEachAsync(profiles.Skip(b * ProfilesPerBusiness).Take(ProfilesPerBusiness).Select((p, i) => (p, i)), cancellationToken, async (entry, token) =>
            {
                var (network, url, feed) = entry.p;
                await store.UpsertAsync(new Profile(businessId, $"p{entry.i:D4}", network, url, "bench", feed, null, now, now), token);
            });
        }

        return profiles.Length;
    }

    private static Task<LoopbackSite> StartSourcesAsync(RequestCounter requests, TimeSpan latency)
    {
        var feed = Encoding.UTF8.GetBytes(GeneratedFeed.Head + string.Concat(Enumerable.Range(0, 20).Select(GeneratedFeed.Item)) + GeneratedFeed.Tail);
        var fixtures = Fixtures.ToDictionary(name => name, name => File.ReadAllBytes(RepositoryRoot.Combine("tests", "SocialWatch.Tests", "Fixtures", "Collectors", name)));
        return LoopbackSite.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                requests.Count(context.Request.Host.Host);
                await Task.Delay(latency, context.RequestAborted);
                await next(context);
            });
            app.MapGet("/feed/{name}", context => Send(context, "application/rss+xml", feed));
            app.MapGet("/api/v1/accounts/lookup", context => Send(context, "application/json", fixtures["mastodon-account.json"]));
            app.MapGet("/api/v1/accounts/{id}/statuses", context => Send(context, "application/json", fixtures["mastodon-statuses.json"]));
            app.MapGet("/xrpc/app.bsky.actor.getProfile", context => Send(context, "application/json", fixtures["bluesky-profile.json"]));
            app.MapGet("/xrpc/app.bsky.feed.getAuthorFeed", context => Send(context, "application/json", fixtures["bluesky-author-feed.json"]));
        });
    }

    private static Task Send(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Requests the sources received, per host name.</summary>
    private sealed class RequestCounter
    {
        private readonly Dictionary<string, int> byHost = new(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyDictionary<string, int> ByHost
        {
            get
            {
                lock (byHost)
                {
                    return new Dictionary<string, int>(byHost);
                }
            }
        }

        public int Total => ByHost.Values.Sum();

        public void Count(string host)
        {
            lock (byHost)
            {
                byHost[host] = byHost.GetValueOrDefault(host) + 1;
            }
        }

        public void Reset()
        {
            lock (byHost)
            {
                byHost.Clear();
            }
        }
    }

    /// <summary>The scoring queue, counting what the collectors send through it.</summary>
    private sealed class SnapshotCount(SnapshotQueue queue) : ISnapshotQueue
    {
        private int count;

        public int Count => count;

        /// <summary>One snapshot sent, for the ceiling to send alike.</summary>
        public EngagementSnapshot? Last { get; private set; }

        public async Task EnqueueAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
        {
            await queue.EnqueueAsync(snapshots, cancellationToken);
            Interlocked.Add(ref count, snapshots.Count);
            Last = snapshots[^1];
        }
    }
}

/// <summary>A collection sweep in process: collections, their rate at one instance's concurrency, table and queue requests per collection (counted), weekly snapshots sent per collection.</summary>
internal sealed record CollectionFigures(int Collections, double Rate, double TablesPerCollection, double QueuesPerCollection, double SnapshotsPerCollection);
