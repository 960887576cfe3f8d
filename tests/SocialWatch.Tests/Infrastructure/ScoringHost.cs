using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app in memory in local mode with its queue listeners on, polling fast and poisoning after two tries, so snapshots
/// posted over HTTP are scored by the real ScoreSnapshot listener on Azurite. A class fixture (each test makes its own
/// business), or made by a test that needs other settings.
/// </summary>
public sealed class ScoringHost : IAsyncDisposable
{
    private readonly TestAppRoot root;
    private readonly WebApplicationFactory<Program> factory;
    private readonly WebApplicationFactory<Program> logged;

    public ScoringHost(AzuriteFixture azurite)
        : this(azurite, null, null)
    {
    }

    /// <param name="prefix">The storage prefix: another host's, to start the app again on the same data; a new one when null.</param>
    /// <param name="settings">Settings on top of the test ones.</param>
    /// <param name="loopback">Served by Kestrel on a 127.0.0.1 port (<see cref="BaseAddress"/>) for a real browser, rather than in memory.</param>
    internal ScoringHost(AzuriteFixture azurite, string? prefix, IReadOnlyDictionary<string, string>? settings, bool loopback = false)
    {
        Azurite = azurite;
        Prefix = prefix ?? AzuriteFixture.NewPrefix();
        root = TestAppRoot.Create(TestAppRoot.Queues(("maxPollingInterval", "00:00:00.2"), ("visibilityTimeout", "00:00:00"), ("maxDequeueCount", 2)));
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["SocialWatch:Functions:AppRoot"] = root.Path,
            ["SocialWatch:Storage:Prefix"] = Prefix,
        };
        // Disposing the factory disposes the one derived from it, which captures the logs.
        factory = ApiHost.Create(azurite, ApiHost.AdminKey, all);
        logged = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(Logs)));
        if (loopback)
        {
            BaseAddress = LoopbackApiHost.Serve(logged);
            Client = new HttpClient { BaseAddress = BaseAddress };
        }
        else
        {
            Client = logged.CreateClient();
        }
    }

    /// <summary>The app's loopback address when it was made with <c>loopback</c>; null in memory.</summary>
    public Uri? BaseAddress { get; }

    public LogCollector Logs { get; } = new();

    public AzuriteFixture Azurite { get; }

    public string Prefix { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => logged.Services;

    public QueueClient Queue(string baseName) => new(Azurite.ConnectionString, $"{Prefix}-{baseName}", StorageServiceCollectionExtensions.QueueClientOptions());

    /// <summary>A business with the test plan, an owner key and one profile per demo shape (Instagram, Facebook, X).</summary>
    public async Task<(string BusinessId, string OwnerKey, IReadOnlyList<(string ProfileId, DemoProfileShape Shape)> Profiles)> NewBusinessAsync()
    {
        var businessId = await Client.CreateBusinessAsync();
        await Client.SavePlanAsync(businessId);
        var ownerKey = await Client.IssueKeyAsync(businessId, "owner");
        var profiles = new List<(string, DemoProfileShape)>();
        foreach (var shape in DemoSnapshots.Shapes)
        {
            profiles.Add((await Client.CreateProfileAsync(businessId, ApiScenario.Profile(shape.Network.Name(), "rose" + shape.Network.Name().Replace("-", string.Empty, StringComparison.Ordinal))), shape));
        }

        return (businessId, ownerKey, profiles);
    }

    /// <summary>The owner key the demo loader (SocialWatch:Demo:Load) logs once it has loaded the demo business.</summary>
    public async Task<string> DemoOwnerKeyAsync()
    {
        string? key = null;
        await Eventually.TrueAsync(
            () =>
            {
                key = Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).FirstOrDefault(m => m.Contains("demo owner key: ", StringComparison.Ordinal))?.Split("demo owner key: ")[1];
                return key is not null;
            },
            "the demo loader's line with the key",
            TimeSpan.FromMinutes(1));
        return key!;
    }

    /// <summary>Waits until every profile's benchmark state counts <paramref name="periods"/> scored periods.</summary>
    public async Task<JsonNode> WaitForBenchmarksAsync(string businessId, string key, int profiles, int periods, TimeSpan timeout)
    {
        JsonNode? last = null;
        await Eventually.TrueAsync(
            async () =>
            {
                var answer = await Client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/benchmarks", key);
                last = await answer.OkJsonAsync();
                var states = last["profiles"]!.AsArray();
                return states.Count == profiles && states.All(s => (int)s!["scoredPeriods"]! == periods);
            },
            $"{profiles} profiles with {periods} scored periods each",
            timeout);
        return last!;
    }

    public static EngagementSnapshot Snapshot(string businessId, string profileId, Network network, DateOnly start, long followers = 1000) => new()
    {
        SnapshotId = EngagementSnapshot.NaturalId(profileId, start, start.AddDays(6)),
        BusinessId = businessId,
        ProfileId = profileId,
        Network = network,
        PeriodStart = start,
        PeriodEnd = start.AddDays(6),
        Followers = followers,
        Posts = 4,
        Reactions = 80,
        Comments = 10,
        Shares = 5,
        RepliesByBusiness = 6,
        InboundNeedingAnswer = 8,
        InboundAnswered = 7,
        MedianFirstResponseMinutes = 95,
        PromotionalPosts = 1,
        SignedPosts = 2,
    };

    public static async Task<HttpStatusCode> PostCsvAsync(HttpClient client, string businessId, string key, string csv) =>
        (await client.SendRawAsync(HttpMethod.Post, $"/api/businesses/{businessId}/snapshots", key, csv, "text/csv")).StatusCode;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        root.Dispose();
    }
}
