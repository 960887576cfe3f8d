using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Alerts;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Functions;
using SocialWatch.Storage;
using SocialWatch.Tests.Functional.Hosting;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>
/// A dead profile's email, end to end on the real clock, in both runtimes: the local runtime firing SweepProfiles on its
/// schedule and its own queue listeners; the Functions host's POST /{FunctionName} protocol carrying the same messages.
/// </summary>
public sealed class ProfileMonitoringInBothRuntimes(AzuriteFixture azurite, FakeNetworks fakes) : IClassFixture<FakeNetworks>, IAsyncLifetime
{
    private readonly TestAppRoot root = TestAppRoot.Create(null);
    private MaildevServer maildev = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => maildev = await MaildevServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await maildev.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task TheLocalRuntimeSweepsChecksAndMailsOnItsOwn()
    {
        using var app = App(customHandler: false, ("SWEEP_SCHEDULE", "*/2 * * * * *"), ("AzureWebJobs.SweepProfiles.Disabled", "false"), ("AzureWebJobs.CheckProfile.Disabled", "false"), ("AzureWebJobs.DispatchEmail.Disabled", "false"));
        app.Start();
        using var client = app.CreateClient();
        var (business, profile) = await CreateDeadProfileAsync(client);

        await Eventually.TrueAsync(async () => (await maildev.EmailsAsync()).Count > 0, "the dead profile's email", TimeSpan.FromSeconds(60));

        var email = Assert.Single(await maildev.EmailsAsync());
        Assert.Contains("can no longer be found", email.Subject, StringComparison.Ordinal);
        var health = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles/{profile}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal("dead", (string?)health["health"]);
    }

    [Fact]
    public async Task TheCustomHandlerRunsTheSameFunctionsForTheHost()
    {
        using var app = App(customHandler: true);
        using var client = app.CreateClient();
        var (business, profile) = await CreateDeadProfileAsync(client);
        var queues = app.Services.GetRequiredService<QueueServiceClient>();
        var names = app.Services.GetRequiredService<StorageNames>();

        await InvokeAsync(client, SweepProfiles.Name, new JsonObject { ["Data"] = new JsonObject { ["timer"] = new JsonObject { ["ScheduleStatus"] = null, ["IsPastDue"] = false } }, ["Metadata"] = new JsonObject() });
        await InvokeAsync(client, CheckProfile.Name, CustomHandlerInvocation.QueuePayload(JsonValue.Create(await TakeMessageAsync(queues.GetQueueClient(names.Queue(CheckQueue.QueueName))))!, 1));
        await InvokeAsync(client, DispatchEmail.Name, CustomHandlerInvocation.QueuePayload(JsonValue.Create(await TakeMessageAsync(queues.GetQueueClient(names.Queue(OutboxQueue.QueueName))))!, 1));

        Assert.Contains("can no longer be found", Assert.Single(await maildev.EmailsAsync()).Subject, StringComparison.Ordinal);
        var health = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{business}/profiles/{profile}/health", ApiHost.AdminKey)).OkJsonAsync();
        Assert.Equal("dead", (string?)health["health"]);
    }

    /// <summary>Declared dead on its first dead result (a policy of one result over no time), so one sweep makes the email.</summary>
    private FunctionsAppFactory App(bool customHandler, params (string Key, string? Value)[] settings) => new(
        azurite,
        root,
        AzuriteFixture.NewPrefix(),
        _ => { },
        fakes.Settings(
            [
                ("SocialWatch:Smtp:Port", maildev.SmtpPort.ToString(CultureInfo.InvariantCulture)),
                ("SocialWatch:Checks:SweepGuard:CanaryUrls:0", fakes.Url("canary.test", "/").AbsoluteUri),
                ("SocialWatch:Checks:DeadDeclaration:ConsecutiveDeadResults", "1"),
                ("SocialWatch:Checks:DeadDeclaration:MinimumSpan", "00:00:00"),
                .. settings,
            ]),
        customHandler);

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

    private static async Task<string> TakeMessageAsync(QueueClient queue)
    {
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32, cancellationToken: Cancel)).Value);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Cancel);
        return message.Body.ToString();
    }

    private static async Task InvokeAsync(HttpClient client, string function, JsonObject payload)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/{function}", UriKind.Relative), payload, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }
}
