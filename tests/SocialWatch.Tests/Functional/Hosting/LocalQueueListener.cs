using System.Diagnostics;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Functions.Hosting;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>The local runtime's queue listener, on Azurite, with host.json extensions.queues semantics.</summary>
public sealed class LocalQueueListener(AzuriteFixture azurite)
{
    // Short intervals so that nothing waits long: an empty queue is polled again within 200 ms.
    private static readonly (string, object)[] FastPolling = [("maxPollingInterval", "00:00:00.2"), ("visibilityTimeout", "00:00:00")];

    private readonly string prefix = AzuriteFixture.NewPrefix();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeletesAMessageItsFunctionHandled()
    {
        await using var recording = await StartRecordingAsync();
        var (seen, queue) = (recording.Seen, recording.Queue);

        var sent = await queue.SendMessageAsync("handled once", Cancel);

        var received = Assert.Single(await seen.WaitForAsync(1));
        Assert.Equal(sent.Value.MessageId, received.Id);
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.InsertionTime);
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount == 0, "the message to be deleted");
        Assert.Single(seen.Items);
    }

    [Fact]
    public async Task DeliversJsonAndPlainTextIntact()
    {
        await using var recording = await StartRecordingAsync();
        var (seen, queue) = (recording.Seen, recording.Queue);
        const string json = """{"profileId":"p-1","note":"quotes \" and ünïcödé","values":[1,2.5,null]}""";
        const string text = "  plain text, \"quoted\", émoji 🎉 and a trailing space ";

        await queue.SendMessageAsync(json, Cancel);
        await queue.SendMessageAsync(text, Cancel);

        var bodies = (await seen.WaitForAsync(2)).Select(m => m.Body);
        Assert.Equal(new[] { json, text }.Order(StringComparer.Ordinal), bodies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PoisonsAFailingMessageAfterMaxDequeueCountTriesWithItsBodyIntact()
    {
        var seen = new Seen<QueueInvocation>();
        using var root = TestAppRoot.Create(TestAppRoot.Queues([.. FastPolling, ("maxDequeueCount", 3)]), TestFunctionFolder.Queue(AlwaysFails.Name, AlwaysFails.QueueName));
        await using var app = Start(root, services => services.AddSingleton(seen).AddQueueFunction<AlwaysFails>(AlwaysFails.Name));
        var queue = await QueueAsync(AlwaysFails.QueueName);
        var poison = await QueueAsync(AlwaysFails.QueueName + "-poison");
        const string body = """{"order":42,"text":"fails every time"}""";

        await queue.SendMessageAsync(body, Cancel);

        await Eventually.TrueAsync(async () => (await poison.PeekMessagesAsync(10, Cancel)).Value.Length == 1, "the message in the poison queue");
        var poisoned = Assert.Single((await poison.PeekMessagesAsync(10, Cancel)).Value);
        Assert.Equal(body, poisoned.Body.ToString());
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount == 0, "the message gone from the main queue");
        Assert.Equal([1L, 2L, 3L], seen.Items.Select(m => m.DequeueCount));
        Assert.All(seen.Items, m => Assert.Equal(body, m.Body));
        // The listener logs after the delete that the wait above sees, so the line may come a moment later.
        await Eventually.TrueAsync(() => app.Logs.Contains(LogLevel.Error, $"moved to {prefix}-{AlwaysFails.QueueName}-poison after 3 tries"), "the poison log line");
    }

    [Fact]
    public async Task ReleasesAFailedMessageForTheVisibilityTimeout()
    {
        var seen = new Seen<QueueInvocation>();
        using var root = TestAppRoot.Create(
            TestAppRoot.Queues(("maxPollingInterval", "00:00:00.2"), ("visibilityTimeout", "00:00:01"), ("maxDequeueCount", 2)),
            TestFunctionFolder.Queue(AlwaysFails.Name, AlwaysFails.QueueName));
        await using var app = Start(root, services => services.AddSingleton(seen).AddQueueFunction<AlwaysFails>(AlwaysFails.Name));
        var queue = await QueueAsync(AlwaysFails.QueueName);

        await queue.SendMessageAsync("retry me later", Cancel);
        var first = DateTimeOffset.UtcNow;
        await seen.WaitForAsync(1);
        var retried = await seen.WaitForAsync(2);
        var second = DateTimeOffset.UtcNow;

        Assert.Equal(2, retried[1].DequeueCount);
        Assert.True(second - first >= TimeSpan.FromSeconds(1), $"The retry came {second - first} after the send, before the 1 s visibility timeout.");
    }

    [Fact]
    public async Task FetchesTheNextBatchOnlyWhenInFlightFallsToTheThreshold()
    {
        var gate = new Gate<QueueInvocation>();
        using var root = TestAppRoot.Create(TestAppRoot.Queues([.. FastPolling, ("batchSize", 4), ("newBatchThreshold", 1)]), TestFunctionFolder.Queue(HoldsMessages.Name, HoldsMessages.QueueName));
        // All ten wait in the queue before the listener starts, so its first receive finds a full batch.
        var queue = await QueueAsync(HoldsMessages.QueueName);
        for (var i = 0; i < 10; i++)
        {
            await queue.SendMessageAsync($"message {i}", Cancel);
        }

        await using var app = Start(root, services => services.AddSingleton(gate).AddQueueFunction<HoldsMessages>(HoldsMessages.Name));

        // One receive takes 4 and they run together; with 4, then 2 in flight (> 1) the listener does not receive again.
        await gate.Entered.WaitForAsync(4);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
        Assert.Equal(4, gate.Entered.Items.Count);
        gate.Release(2);
        await gate.Left.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
        Assert.Equal(4, gate.Entered.Items.Count);

        // At 1 in flight it receives the next 4.
        gate.Release(1);
        await gate.Entered.WaitForAsync(8);
        Assert.Equal(5, gate.MostRunning);
        gate.Release(10);
        await gate.Left.WaitForAsync(10);
        Assert.Equal(10, gate.Entered.Items.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task KeepsARunningMessageInvisibleBeyondItsLease()
    {
        var gate = new Gate<QueueInvocation>();
        using var root = TestAppRoot.Create(TestAppRoot.Queues(FastPolling), TestFunctionFolder.Queue(HoldsMessages.Name, HoldsMessages.QueueName));
        await using var app = Start(
            root,
            services => services.AddSingleton(gate).AddQueueFunction<HoldsMessages>(HoldsMessages.Name),
            new Dictionary<string, string?> { ["SocialWatch:Functions:QueueMessageLease"] = "00:00:01" });
        var queue = await QueueAsync(HoldsMessages.QueueName);

        await queue.SendMessageAsync("a long run", Cancel);
        await gate.Entered.WaitForAsync(1);

        // Held for 2.5 leases: without renewal the message would show again after 1 s.
        var until = DateTime.UtcNow.AddSeconds(2.5);
        while (DateTime.UtcNow < until)
        {
            Assert.Empty((await queue.PeekMessagesAsync(1, Cancel)).Value);
            await Task.Delay(200, Cancel);
        }

        gate.Release(1);
        await gate.Left.WaitForAsync(1);
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount == 0, "the message to be deleted with its renewed pop receipt");
        Assert.Single(gate.Entered.Items);
    }

    [Fact]
    public async Task WaitsForRunsInFlightOnShutdown()
    {
        var gate = new Gate<QueueInvocation>();
        using var root = TestAppRoot.Create(TestAppRoot.Queues(FastPolling), TestFunctionFolder.Queue(HoldsMessages.Name, HoldsMessages.QueueName));
        var app = Start(root, services => services.AddSingleton(gate).AddQueueFunction<HoldsMessages>(HoldsMessages.Name));
        var queue = await QueueAsync(HoldsMessages.QueueName);
        await queue.SendMessageAsync("finish me before you stop", Cancel);
        await gate.Entered.WaitForAsync(1);

        var stopping = app.DisposeAsync().AsTask();
        await Task.Delay(300, Cancel);
        Assert.False(stopping.IsCompleted, $"The app stopped while a run was in flight ({stopping.Status}: {stopping.Exception?.GetBaseException().Message}).\n{string.Join("\n", app.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message))}");

        gate.Release(1);
        await stopping.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        Assert.Single(gate.Left.Items);
        Assert.Equal(0, (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task MovesAMessageThatIsNotBase64ToPoisonAsIs()
    {
        await using var recording = await StartRecordingAsync();
        var (seen, queue) = (recording.Seen, recording.Queue);
        var raw = new QueueClient(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var poison = await QueueAsync(RecordsMessages.QueueName + "-poison");

        await raw.SendMessageAsync("not base64: <raw> text!", Cancel);
        await queue.SendMessageAsync("a good one", Cancel);

        Assert.Equal("a good one", Assert.Single(await seen.WaitForAsync(1)).Body);
        var rawPoison = new QueueClient(azurite.ConnectionString, poison.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await Eventually.TrueAsync(async () => (await rawPoison.PeekMessagesAsync(10, Cancel)).Value.Length == 1, "the undecodable message in the poison queue");
        Assert.Equal("not base64: <raw> text!", (await rawPoison.PeekMessageAsync(Cancel)).Value.Body.ToString());
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount == 0, "the main queue to be empty");
        Assert.Single(seen.Items);
    }

    [Fact]
    public async Task RecreatesAQueueDeletedUnderIt()
    {
        await using var recording = await StartRecordingAsync();
        var (app, seen, queue) = (recording.App, recording.Seen, recording.Queue);
        await queue.SendMessageAsync("before", Cancel);
        await seen.WaitForAsync(1);

        await queue.DeleteAsync(Cancel);
        await Eventually.TrueAsync(() => app.Logs.Contains(LogLevel.Warning, $"queue {queue.Name} is unreachable"), "the listener to report the missing queue");
        await Eventually.TrueAsync(async () => (await queue.ExistsAsync(Cancel)).Value, "the listener to create the queue again");
        await queue.SendMessageAsync("after", Cancel);

        Assert.Equal(["before", "after"], (await seen.WaitForAsync(2)).Select(m => m.Body));
    }

    [Fact]
    public async Task KeepsServingHttpAndStopsPromptlyWhileStorageIsUnreachable()
    {
        var closedPort = FreePort.Next();
        var seen = new Seen<QueueInvocation>();
        using var root = TestAppRoot.Create(TestAppRoot.Queues(FastPolling), TestFunctionFolder.Queue(RecordsMessages.Name, RecordsMessages.QueueName));
        var app = Start(root, services => services.AddSingleton(seen).AddQueueFunction<RecordsMessages>(RecordsMessages.Name), new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;",
        });

        // The listener is inside the storage client's own retries (which take about half a minute before it logs and backs off).
        var health = await app.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative), Cancel);
        var stopping = Stopwatch.StartNew();
        await app.DisposeAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"Stopping took {stopping.Elapsed}: the listener did not give up its storage retries on shutdown.");
        Assert.Empty(seen.Items);
    }

    [Fact]
    public async Task ListensToTheQueueItsAppSettingNames()
    {
        await using var recording = await StartRecordingAsync("%RECORDS_QUEUE%", "records-from-setting", new Dictionary<string, string?> { ["RECORDS_QUEUE"] = "records-from-setting" });

        await recording.Queue.SendMessageAsync("found by its setting", Cancel);

        Assert.Equal("found by its setting", Assert.Single(await recording.Seen.WaitForAsync(1)).Body);
    }

    [Theory]
    [InlineData("%NO_SUCH_QUEUE%", "refers to app setting 'NO_SUCH_QUEUE' (%NO_SUCH_QUEUE%), which is not set")]
    [InlineData("Records", "-Records': queue names are 3 to 56 lowercase letters")]
    [InlineData("records--twice", "queue names are 3 to 56 lowercase letters")]
    public void RefusesToStartWithAQueueNameItCannotUse(string queueName, string expected)
    {
        using var root = TestAppRoot.Create(TestAppRoot.Queues(FastPolling), TestFunctionFolder.Queue(RecordsMessages.Name, queueName));
        using var app = new FunctionsAppFactory(azurite, root, prefix, services => services.AddSingleton(new Seen<QueueInvocation>()).AddQueueFunction<RecordsMessages>(RecordsMessages.Name));

        var refusal = app.StartExpectingRefusal();

        Assert.Contains($"functions/{RecordsMessages.Name}/function.json 'queueName'", refusal, StringComparison.Ordinal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdleListenerPollsAtOnceWhenItsOwnInstanceSendsToItsQueue()
    {
        // A clock that never moves: an idle listener's back-off never ends, so only a send of the app's own can wake it.
        var seen = new Seen<QueueInvocation>();
        using var root = TestAppRoot.Create(TestAppRoot.Queues(("maxPollingInterval", "00:01:00")), TestFunctionFolder.Queue(RecordsMessages.Name, RecordsMessages.QueueName));
        await using var app = Start(root, services => services.AddSingleton(seen).AddSingleton<TimeProvider>(new FakeTimeProvider()).AddQueueFunction<RecordsMessages>(RecordsMessages.Name));
        var outside = await QueueAsync(RecordsMessages.QueueName);
        var own = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(outside.Name);

        await own.SendMessageAsync("sent by the app", Cancel);
        await seen.WaitForAsync(1);
        await Task.Delay(500, Cancel);
        await outside.SendMessageAsync("sent by another process", Cancel);
        await Task.Delay(1000, Cancel);
        Assert.Single(seen.Items);
        await own.SendMessageAsync("sent by the app again", Cancel);

        Assert.Equal(["sent by another process", "sent by the app again"], (await seen.WaitForAsync(3)).Skip(1).Select(m => m.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LeavesAFunctionDisabledByItsSettingAlone()
    {
        await using var recording = await StartRecordingAsync(settings: new Dictionary<string, string?> { [$"AzureWebJobs.{RecordsMessages.Name}.Disabled"] = "true" });

        Assert.True(recording.App.Logs.Contains(LogLevel.Information, $"Function {RecordsMessages.Name} is disabled"));
        Assert.False(recording.App.Logs.Contains(LogLevel.Information, $"Function {RecordsMessages.Name} listens to queue"));
    }

    /// <summary>An app whose one function records the messages of its queue, and that queue as a sender sees it.</summary>
    private async Task<RecordingApp> StartRecordingAsync(string declaredQueue = RecordsMessages.QueueName, string actualQueue = RecordsMessages.QueueName, IDictionary<string, string?>? settings = null)
    {
        var seen = new Seen<QueueInvocation>();
        var root = TestAppRoot.Create(TestAppRoot.Queues(FastPolling), TestFunctionFolder.Queue(RecordsMessages.Name, declaredQueue));
        var app = Start(root, services => services.AddSingleton(seen).AddQueueFunction<RecordsMessages>(RecordsMessages.Name), settings);
        return new RecordingApp(root, app, seen, await QueueAsync(actualQueue));
    }

    private FunctionsAppFactory Start(TestAppRoot root, Action<IServiceCollection> services, IDictionary<string, string?>? settings = null)
    {
        var app = new FunctionsAppFactory(azurite, root, prefix, services, settings);
        app.Start();
        return app;
    }

    /// <summary>The queue as any sender of the app sees it: prefixed name, base64 messages; created here so a test can send before the listener polls.</summary>
    private async Task<QueueClient> QueueAsync(string baseName)
    {
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{baseName}", StorageServiceCollectionExtensions.QueueClientOptions());
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancel);
        return queue;
    }

    private sealed record RecordingApp(TestAppRoot Root, FunctionsAppFactory App, Seen<QueueInvocation> Seen, QueueClient Queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            Root.Dispose();
        }
    }
}
