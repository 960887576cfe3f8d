using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Access;
using SocialWatch.Businesses;
using SocialWatch.Engagement;
using SocialWatch.Plans;
using SocialWatch.Profiles;

namespace SocialWatch.Demo;

public sealed class DemoOptions
{
    public const string SectionName = "SocialWatch:Demo";

    /// <summary>Loads the demo business at start (scripts/start --demo sets it). Off by default, and in production.</summary>
    public bool Load { get; set; }
}

/// <summary>
/// Loads a sample business when <see cref="DemoOptions.Load"/> is set: its plan, three profiles and a year and a week of
/// weekly snapshots (so the latest week has last year's to compare with), sent through the same services as the API (the
/// snapshots as a CSV upload, scored on the queue). Idempotent: a second start finds the business and profiles, saves the
/// same plan and sends the same snapshots again, which replace themselves. Each start issues a fresh owner key (a key's
/// secret is shown once) and revokes the one issued before.
/// </summary>
public sealed partial class DemoLoader(
    IOptions<DemoOptions> options,
    BusinessService businesses,
    PlanService plans,
    ProfileService profiles,
    ApiKeyService keys,
    SnapshotIngest ingest,
    TimeProvider time,
    ILogger<DemoLoader> logger) : BackgroundService
{
    public const string BusinessId = "demo-rose-bakery";
    public const int Weeks = 53;
    private const string KeyLabel = "demo owner key";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Load)
        {
            return;
        }

        var created = await businesses.CreateAsync(new BusinessInput("Rosé Bakery (demo)", ["https://rose-bakery.example/"], Audience.Consumer, "Europe/Paris", new PersonInput("Ann Rose", "ann@rose-bakery.example"), Id: BusinessId), stoppingToken);
        if (!created.Succeeded && created.Status != OutcomeStatus.Conflict)
        {
            throw new InvalidOperationException($"The demo business could not be created: {Describe(created.Errors)}");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await plans.SaveAsync(BusinessId, Plan(today), Storage.VersionCondition.None, stoppingToken);
        var demoProfiles = await ProfilesAsync(stoppingToken);
        var csv = DemoSnapshots.Csv(DemoSnapshots.Generate(BusinessId, demoProfiles, today, Weeks));
        using var upload = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var ingested = await ingest.IngestCsvAsync(BusinessId, upload, stoppingToken);
        if (!ingested.Succeeded)
        {
            throw new InvalidOperationException($"The demo snapshots were refused: {Describe(ingested.Errors)}");
        }

        var key = await IssueKeyAsync(stoppingToken);
        LogLoaded(BusinessId, ingested.Value!.Count, key);
    }

    private static PlanInput Plan(DateOnly today) => new(
        [
            new GoalInput(GoalMetric.EngagementRate, 2.5, today.AddMonths(6), Id: "engagement", Unit: "percent"),
            new GoalInput(GoalMetric.LeadsPerMonth, 30, today.AddMonths(6), Id: "leads"),
            new GoalInput(GoalMetric.ResponseRate, 95, today.AddMonths(3), Id: "responses", Unit: "percent"),
        ],
        [
            new NetworkPlanInput(Network.Instagram, NetworkRole.Primary, 4, "Bread baked at dawn, by the people who bake it."),
            new NetworkPlanInput(Network.Facebook, NetworkRole.Presence, 2, "Opening hours, events and the week's specials."),
        ],
        new PersonInput("Ann Rose", "ann@rose-bakery.example"),
        today.AddMonths(1));

    /// <summary>One profile per demo shape, found by network or created.</summary>
    private async Task<List<(string ProfileId, DemoProfileShape Shape)>> ProfilesAsync(CancellationToken cancellationToken)
    {
        var existing = (await profiles.ListAsync(BusinessId, cancellationToken)).Value!.Items;
        var result = new List<(string, DemoProfileShape)>();
        foreach (var shape in DemoSnapshots.Shapes)
        {
            var profile = existing.FirstOrDefault(p => p.Network == shape.Network)
                ?? (await profiles.CreateAsync(BusinessId, new ProfileInput(shape.Network, $"https://{shape.Network.Name()}.example/rosebakery", "rosebakery"), cancellationToken)).Value!;
            result.Add((profile.Id, shape));
        }

        return result;
    }

    private async Task<string> IssueKeyAsync(CancellationToken cancellationToken)
    {
        foreach (var old in (await keys.ListAsync(BusinessId, cancellationToken)).Value!.Items.Where(k => k.Label == KeyLabel))
        {
            await keys.RevokeAsync(BusinessId, old.KeyId, cancellationToken);
        }

        return (await keys.IssueAsync(BusinessId, new ApiKeyInput(ApiKeyRole.Owner, KeyLabel), cancellationToken)).Value!.Key;
    }

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) => string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));

    // The key is printed for the person who asked for the demo on their own machine (scripts/start shows this line).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo business {BusinessId} loaded ({Snapshots} snapshots queued for scoring); demo owner key: {Key}")]
    private partial void LogLoaded(string businessId, int snapshots, string key);
}

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo loader; it does nothing unless SocialWatch:Demo:Load is true.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.AddHostedService<DemoLoader>();
        return services;
    }
}
