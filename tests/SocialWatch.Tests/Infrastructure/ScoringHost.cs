using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app as it runs (<see cref="AppHost"/>) with its queue listeners polling fast and poisoning after two tries (host.json
/// overridden by AzureFunctionsJobHost__ app settings, as the Functions host allows), so snapshots posted over HTTP are
/// scored by the real ScoreSnapshot function through the host's queue listener on Azurite. A class fixture (each test makes
/// its own business), or made by a test that needs other settings.
/// </summary>
public sealed class ScoringHost : IAsyncLifetime
{
    private readonly Dictionary<string, string?> settings;
    private AppHost? app;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider? services;

    public ScoringHost(AzuriteFixture azurite)
        : this(azurite, null, null)
    {
    }

    /// <param name="prefix">The storage prefix: another host's, to start the app again on the same data; a new one when null.</param>
    /// <param name="extra">Settings on top of the test ones.</param>
    internal ScoringHost(AzuriteFixture azurite, string? prefix, IReadOnlyDictionary<string, string>? extra)
    {
        Azurite = azurite;
        Prefix = prefix ?? AzuriteFixture.NewPrefix();
        settings = TestSettings.For(azurite, Prefix);
        settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.2";
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00";
        settings["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
    }

    /// <summary>The app's loopback address.</summary>
    public Uri BaseAddress => App.BaseAddress;

    public AzuriteFixture Azurite { get; }

    public string Prefix { get; }

    public HttpClient Client => App.Client;

    /// <summary>The app's services in the test process, on the same storage.</summary>
    public IServiceProvider Services => services ??= TestStorage.AppServices(settings);

    /// <summary>What the host and the worker wrote.</summary>
    public string Output => App.Output;

    private AppHost App => app ?? throw new InvalidOperationException("The app has not started yet.");

    /// <summary>Starts a host with <paramref name="extra"/> settings (see the constructor).</summary>
    public static async Task<ScoringHost> StartAsync(AzuriteFixture azurite, string? prefix, IReadOnlyDictionary<string, string>? extra)
    {
        var host = new ScoringHost(azurite, prefix, extra);
        await host.InitializeAsync();
        return host;
    }

    public async ValueTask InitializeAsync() => app = await AppHost.StartAsync(settings);

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
                key = Output.Split('\n').FirstOrDefault(line => line.Contains("demo owner key: ", StringComparison.Ordinal))?.Split("demo owner key: ")[1].Trim();
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
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
