using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialWatch.Functions.Hosting;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>Custom-handler mode: the Functions host's POST /{FunctionName} protocol, with the payloads the host sends.</summary>
public sealed class CustomHandlerInvocation : IDisposable
{
    private readonly TestAppRoot root = TestAppRoot.Create(
        null,
        TestFunctionFolder.Queue(RecordsMessages.Name, RecordsMessages.QueueName),
        TestFunctionFolder.Queue(AlwaysFails.Name, AlwaysFails.QueueName),
        TestFunctionFolder.Timer(RecordsTicks.Name, "0 */5 * * * *"));

    private readonly Seen<QueueInvocation> messages = new();
    private readonly Seen<Tick> ticks = new();
    private readonly FunctionsAppFactory app;

    public CustomHandlerInvocation(AzuriteFixture azurite)
    {
        app = new FunctionsAppFactory(
            azurite,
            root,
            AzuriteFixture.NewPrefix(),
            services => services
                .AddSingleton(messages)
                .AddSingleton(ticks)
                .AddQueueFunction<RecordsMessages>(RecordsMessages.Name)
                .AddQueueFunction<AlwaysFails>(AlwaysFails.Name)
                .AddTimerFunction<RecordsTicks>(RecordsTicks.Name),
            customHandler: true);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswersTheReadinessProbeOnTheRoot()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void LeavesTriggersToTheHost()
    {
        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name);

        Assert.DoesNotContain("LocalTriggers", hosted);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("encoded twice")]
    public async Task DeliversAQueueStringWhetherPlainOrJsonEncodedTwice(string form)
    {
        const string text = "check profile p-17 \"now\"";
        JsonNode data = form == "plain" ? JsonValue.Create(text) : JsonValue.Create(JsonSerializer.Serialize(text));

        var response = await PostAsync(RecordsMessages.Name, QueuePayload(data, dequeueCount: 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            JsonNode.Parse("""{"Outputs":{},"Logs":[],"ReturnValue":null}"""),
            JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel)),
            JsonNode.DeepEquals);
        var message = Assert.Single(messages.Items);
        Assert.Equal(new QueueInvocation("5b6a4b6b-2f73-4ee4-9a52-0f2f47b81a6b", text, 2, new DateTimeOffset(2025, 3, 1, 17, 58, 31, TimeSpan.Zero)), message);
    }

    [Fact]
    public async Task DeliversAJsonObjectMessageAsItsJson()
    {
        var order = JsonNode.Parse("""{"profileId":"p-17","networks":["mastodon","bluesky"],"depth":2}""")!;

        var response = await PostAsync(RecordsMessages.Name, QueuePayload(order.DeepClone(), dequeueCount: 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(order, JsonNode.Parse(Assert.Single(messages.Items).Body)));
    }

    [Fact]
    public async Task DeliversTheTimerWithItsScheduleStatusAndIsPastDue()
    {
        var payload = TimerPayload("""{"Last":"2025-03-01T00:05:00+00:00","Next":"2025-03-01T00:10:00+00:00","LastUpdated":"2025-03-01T00:05:00.1234567+00:00"}""", isPastDue: true);

        var response = await PostAsync(RecordsTicks.Name, payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = new TimerScheduleStatus(
            new DateTimeOffset(2025, 3, 1, 0, 5, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 1, 0, 10, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 1, 0, 5, 0, TimeSpan.Zero).AddTicks(1234567));
        Assert.Equal(new TimerInvocation(true, status), Assert.Single(ticks.Items).Timer);
    }

    [Fact]
    public async Task DeliversATimerWhoseScheduleStatusIsNull()
    {
        var response = await PostAsync(RecordsTicks.Name, TimerPayload("null", isPastDue: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new TimerInvocation(false, null), Assert.Single(ticks.Items).Timer);
    }

    [Fact]
    public async Task AnswersAFailedInvocationWithAServerErrorAndItsLogs()
    {
        var response = await PostAsync(AlwaysFails.Name, QueuePayload(JsonValue.Create("doomed"), dequeueCount: 5));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.Equal("AlwaysFails failed: InvalidOperationException: This function always fails.", body!["Logs"]![0]!.GetValue<string>());
        Assert.Equal("doomed", Assert.Single(messages.Items).Body);
    }

    [Theory]
    [InlineData("{not json", "The invocation payload cannot be read")]
    [InlineData("""{"Metadata":{}}""", "The invocation has no 'Data'.")]
    [InlineData("""{"Data":{"other":"x"},"Metadata":{}}""", "The invocation's Data has no 'message'.")]
    public async Task RejectsAPayloadItCannotReadWithItsReason(string payload, string reason)
    {
        using var content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json");
        var response = await app.CreateClient().PostAsync(new Uri($"/{RecordsMessages.Name}", UriKind.Relative), content, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.Contains(reason, body!["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(messages.Items);
    }

    [Fact]
    public async Task AnswersNotFoundForAFunctionItDoesNotHave()
    {
        var response = await PostAsync("NoSuchFunction", QueuePayload(JsonValue.Create("x"), dequeueCount: 1));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        Assert.Equal("No timer or queue function is named 'NoSuchFunction'.", body!["Logs"]![0]!.GetValue<string>());
    }

    public void Dispose()
    {
        app.Dispose();
        root.Dispose();
    }

    /// <summary>A queue trigger invocation as the host sends it (binding name 'message', as in the test function.json).</summary>
    public static JsonObject QueuePayload(JsonNode data, int dequeueCount) => new()
    {
        ["Data"] = new JsonObject { ["message"] = data },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount,
            ["ExpirationTime"] = "2025-03-08T17:58:31+00:00",
            ["Id"] = "5b6a4b6b-2f73-4ee4-9a52-0f2f47b81a6b",
            ["InsertionTime"] = "2025-03-01T17:58:31+00:00",
            ["NextVisibleTime"] = "2025-03-01T18:08:32+00:00",
            ["PopReceipt"] = "AgAAAAMAAAAAAAAAAzVQBxt+1QE=",
            ["sys"] = new JsonObject { ["MethodName"] = "message", ["UtcNow"] = "2025-03-01T17:58:32.2205399Z", ["RandGuid"] = "3c7b1a4e-0a7e-4a5e-9e79-7a1f0c4f6d21" },
        },
    };

    public static JsonObject TimerPayload(string scheduleStatus, bool isPastDue) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject { ["Schedule"] = new JsonObject { ["AdjustForDST"] = true }, ["ScheduleStatus"] = JsonNode.Parse(scheduleStatus), ["IsPastDue"] = isPastDue },
        },
        ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = "timer", ["UtcNow"] = "2025-03-01T00:10:00.0012345Z", ["RandGuid"] = "9d3f4c1e-5b7a-4c2e-8f1d-2a6b7c8d9e0f" } },
    };

    private Task<HttpResponseMessage> PostAsync(string functionName, JsonObject payload) =>
        app.CreateClient().PostAsJsonAsync(new Uri($"/{functionName}", UriKind.Relative), payload, Cancel);
}
