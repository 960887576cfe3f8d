using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using SocialWatch.Businesses;
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
/// request after a fixed latency, under host names pinned to 127.0.0.1. The politeness bound is what per-host concurrency allows:
/// no sweep can be faster than its busiest host's requests × latency ÷ concurrency, nor send more than hosts × concurrency ÷ latency
/// requests per second.
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
    private const int Workers = 64;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);
    private static readonly string[] Fixtures = ["mastodon-account.json", "mastodon-statuses.json", "bluesky-profile.json", "bluesky-author-feed.json"];

    public static async Task PrintAsync(string storageConnection, CancellationToken cancellationToken)
    {
        await PrintAsync(storageConnection, Latency, cancellationToken);
        // The same sweep with sources that answer at once: what storage, parsing and this machine's two cores cost on their own.
        await PrintAsync(storageConnection, TimeSpan.Zero, cancellationToken);
    }

    private static async Task PrintAsync(string storageConnection, TimeSpan latency, CancellationToken cancellationToken)
    {
        var requests = new RequestCounter();
        await using var sources = await StartSourcesAsync(requests, latency);
        var port = sources.BaseAddress.Port;
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        await using var services = Services(storageConnection, prefix, port);
        var profiles = await AddProfilesAsync(services, port, cancellationToken);
        var collection = services.GetRequiredService<ProfileCollection>();
        var storage = services.GetRequiredService<StorageOperations>();

        Console.WriteLine(Invariant($"Collection sweep: {profiles} profiles ({FeedProfiles} feeds on {FeedHosts} hosts, {MastodonProfiles} Mastodon accounts on {MastodonHosts} instances, {BlueskyProfiles} Bluesky accounts on 1 AppView), loopback sources answering after {latency.TotalMilliseconds:0} ms, {PerHostConcurrency} requests in flight per host, {Workers} collect workers, Azurite"));
        var storageBefore = storage.Total;
        var watch = Stopwatch.StartNew();
        var sent = await collection.SweepAsync(cancellationToken);
        var sweepTime = watch.Elapsed;
        Console.WriteLine(Invariant($"  SweepCollections: {sent} messages in {sweepTime.TotalSeconds:0.00} s, {storage.Total - storageBefore} storage requests (reads {profiles / ProfilesPerBusiness} businesses' profiles and states, one message per due profile)"));

        var queue = new QueueClient(storageConnection, $"{prefix}-{CollectionQueue.QueueName}", StorageServiceCollectionExtensions.QueueClientOptions());
        var due = new List<ProfileKey>(sent);
        while (due.Count < sent)
        {
            // Received, not deleted: the queue's own delete cost (Azurite's, ~170/s here) is not the collectors'.
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value;
            due.AddRange(batch.Select(message => CollectionQueue.Read(message.Body.ToString())));
        }

        var outcomes = new Dictionary<CollectOutcome, int>();
        requests.Reset();
        storageBefore = storage.Total;
        watch.Restart();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken }, async (profile, token) =>
        {
            var outcome = await collection.CollectAsync(profile, token);
            lock (outcomes)
            {
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        });
        var collectTime = watch.Elapsed;
        var storageRequests = storage.Total - storageBefore;

        var hosts = requests.ByHost;
        var busiest = hosts.MaxBy(h => h.Value);
        var bound = busiest.Value * latency / PerHostConcurrency;
        var rate = requests.Total / collectTime.TotalSeconds;
        Console.WriteLine(Invariant($"  CollectProfile x{due.Count}: {collectTime.TotalSeconds:0.00} s, {requests.Total} requests to {hosts.Count} hosts, {rate:0} requests/s; outcomes {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}, {((SnapshotCount)services.GetRequiredService<ISnapshotQueue>()).Count} weekly snapshots sent"));
        Console.WriteLine(Invariant($"  storage: {storageRequests} requests ({storageRequests / (double)due.Count:0.0} per profile)"));
        if (latency > TimeSpan.Zero)
        {
            var boundRate = hosts.Count * PerHostConcurrency / latency.TotalSeconds;
            Console.WriteLine(Invariant($"  politeness bound: busiest host {busiest.Key} {busiest.Value} requests x {latency.TotalMilliseconds:0} ms / {PerHostConcurrency} = {bound.TotalSeconds:0.00} s; {hosts.Count} hosts x {PerHostConcurrency} / {latency.TotalMilliseconds:0} ms = {boundRate:0} requests/s"));
            Console.WriteLine(Invariant($"  collect time / bound x{collectTime / bound:0.00}; request rate / bound rate {rate / boundRate:P0}"));
        }

        Console.WriteLine();
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
            .AddSingleton<ISnapshotQueue, SnapshotCount>()
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

    /// <summary>The benchmark's end of the scoring port: it counts what the collectors send.</summary>
    private sealed class SnapshotCount : ISnapshotQueue
    {
        private int count;

        public int Count => count;

        public Task EnqueueAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref count, snapshots.Count);
            return Task.CompletedTask;
        }
    }
}
