using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>
/// A dead profile's email, end to end on the real clock, as users run the app: the local host fires SweepProfiles on its
/// schedule and feeds CheckProfile and DispatchEmail from their queues, each invocation sent to the worker over gRPC; and
/// the same sweep run on demand through the host's admin endpoint, as the Functions host offers it.
/// </summary>
public sealed class ProfileMonitoringThroughTheHost(AzuriteFixture azurite, FakeNetworks fakes) : IClassFixture<FakeNetworks>, IAsyncLifetime
{
    private MaildevServer maildev = null!;

    public async ValueTask InitializeAsync() => maildev = await MaildevServer.StartAsync();

    public async ValueTask DisposeAsync() => await maildev.DisposeAsync();

    [Fact]
    public async Task TheHostSweepsChecksAndMailsOnItsOwn()
    {
        await using var app = await StartAsync(("SWEEP_SCHEDULE", "*/2 * * * * *"));
        var (business, profile) = await CreateDeadProfileAsync(app.Client);

        await Eventually.TrueAsync(async () => (await maildev.EmailsAsync()).Count > 0, "the dead profile's email", TimeSpan.FromSeconds(60));

        var email = Assert.Single(await maildev.EmailsAsync());
        Assert.Contains("can no longer be found", email.Subject, StringComparison.Ordinal);
        var health = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles/{profile}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal("dead", (string?)health["health"]);
    }

    [Fact]
    public async Task TheAdminEndpointRunsTheSweepOnDemand()
    {
        // A schedule that does not come round during the test: only the admin call can start the sweep.
        await using var app = await StartAsync(("SWEEP_SCHEDULE", "0 0 0 1 1 *"));
        var (business, profile) = await CreateDeadProfileAsync(app.Client);

        using var run = await app.Client.PostAsync("/admin/functions/SweepProfiles", new StringContent("{\"input\":\"\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        await Eventually.TrueAsync(async () => (await maildev.EmailsAsync()).Count > 0, "the dead profile's email", TimeSpan.FromSeconds(60));
        var health = await (await app.Client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles/{profile}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal("dead", (string?)health["health"]);
    }

    /// <summary>Declared dead on its first dead result (a policy of one result over no time), so one sweep makes the email.</summary>
    private Task<AppHost> StartAsync(params (string Key, string? Value)[] settings)
    {
        var all = TestSettings.For(azurite, AzuriteFixture.NewPrefix(), maildev.SmtpPort);
        foreach (var (key, value) in fakes.Settings(
            [
                ("SocialWatch:Checks:SweepGuard:CanaryUrls:0", fakes.Url("canary.test", "/").AbsoluteUri),
                ("SocialWatch:Checks:DeadDeclaration:ConsecutiveDeadResults", "1"),
                ("SocialWatch:Checks:DeadDeclaration:MinimumSpan", "00:00:00"),
                .. settings,
            ]))
        {
            all[key] = value;
        }

        return AppHost.StartAsync(all);
    }

    private async Task<(string Business, string Profile)> CreateDeadProfileAsync(HttpClient client)
    {
        var business = await client.CreateBusinessAsync();
        var profile = await client.CreateProfileAsync(business, new JsonObject
        {
            ["network"] = "youtube",
            ["url"] = fakes.Url("www.youtube.com", "/@ghost").AbsoluteUri,
            ["handle"] = "ghost",
        });
        return (business, profile);
    }
}
