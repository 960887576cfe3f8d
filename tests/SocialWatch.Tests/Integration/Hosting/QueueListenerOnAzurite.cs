using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Host.Queues;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Hosting;

/// <summary>The local host's queue listener, on Azurite, with host.json extensions.queues semantics.</summary>
public sealed class QueueListenerOnAzurite(AzuriteFixture azurite)
{
    private const string Records = "RecordsMessages";
    private const string RecordsQueue = "records";
    private const string Fails = "AlwaysFails";
    private const string FailsQueue = "always-fails";
    private const string Holds = "HoldsMessages";
    private const string HoldsQueue = "holds";

    private readonly string prefix = AzuriteFixture.NewPrefix();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Short intervals so that nothing waits long: an empty queue is polled again within 200 ms.
    private static JsonObject FastPolling(JsonObject? more = null)
    {
        var queues = new JsonObject { ["maxPollingInterval"] = "00:00:00.2", ["visibilityTimeout"] = "00:00:00" };
        foreach (var (name, value) in more ?? [])
        {
            queues[name] = value?.DeepClone();
        }

        return queues;
    }

    [Fact]
    public async Task DeletesAMessageItsFunctionHandled()
    {
        var seen = new Seen<QueueInvocation>();
        await using var host = StartRecording(seen);
        var queue = await QueueAsync(RecordsQueue);

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
        var seen = new Seen<QueueInvocation>();
        await using var host = StartRecording(seen);
        var queue = await QueueAsync(RecordsQueue);
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
        var invoker = new RecordingInvoker().Handle(Fails, (invocation, _) =>
        {
            seen.Add(QueueInvocation.From(invocation));
            throw new InvalidOperationException("This function always fails.");
        });
        await using var host = ListenerHost.Start(azurite, prefix, invoker, [ListenerHost.QueueFunction(Fails, FailsQueue)], FastPolling(new JsonObject { ["maxDequeueCount"] = 3 }));
        var queue = await QueueAsync(FailsQueue);
        var poison = await QueueAsync(FailsQueue + "-poison");
        const string body = """{"order":42,"text":"fails every time"}""";

        await queue.SendMessageAsync(body, Cancel);

        await Eventually.TrueAsync(async () => (await poison.PeekMessagesAsync(10, Cancel)).Value.Length == 1, "the message in the poison queue");
        var poisoned = Assert.Single((await poison.PeekMessagesAsync(10, Cancel)).Value);
        Assert.Equal(body, poisoned.Body.ToString());
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount == 0, "the message gone from the main queue");
        Assert.Equal([1L, 2L, 3L], seen.Items.Select(m => m.DequeueCount));
        Assert.All(seen.Items, m => Assert.Equal(body, m.Body));
        // The listener logs after the delete that the wait above sees, so the line may come a moment later.
        await Eventually.TrueAsync(() => host.Logs.Contains(LogLevel.Error, $"moved to {prefix}-{FailsQueue}-poison after 3 tries"), "the poison log line");
        Assert.True(host.Logs.Contains(LogLevel.Warning, "failed on try 1 of 3 (This function always fails.)"));
    }

    [Fact]
    public async Task ReleasesAFailedMessageForTheVisibilityTimeout()
    {
        var seen = new Seen<QueueInvocation>();
        var invoker = new RecordingInvoker().Handle(Fails, (invocation, _) =>
        {
            seen.Add(QueueInvocation.From(invocation));
            throw new InvalidOperationException("This function always fails.");
        });
        var queues = new JsonObject { ["maxPollingInterval"] = "00:00:00.2", ["visibilityTimeout"] = "00:00:01", ["maxDequeueCount"] = 2 };
        await using var host = ListenerHost.Start(azurite, prefix, invoker, [ListenerHost.QueueFunction(Fails, FailsQueue)], queues);
        var queue = await QueueAsync(FailsQueue);

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
        // All ten wait in the queue before the listener starts, so its first receive finds a full batch.
        var queue = await QueueAsync(HoldsQueue);
        for (var i = 0; i < 10; i++)
        {
            await queue.SendMessageAsync($"message {i}", Cancel);
        }

        await using var host = StartHolding(gate, FastPolling(new JsonObject { ["batchSize"] = 4, ["newBatchThreshold"] = 1 }));

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
        await using var host = StartHolding(gate, FastPolling(), [new("Host:QueueMessageLease", "00:00:01")]);
        var queue = await QueueAsync(HoldsQueue);

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
        var host = StartHolding(gate, FastPolling());
        var queue = await QueueAsync(HoldsQueue);
        await queue.SendMessageAsync("finish me before you stop", Cancel);
        await gate.Entered.WaitForAsync(1);

        var stopping = host.DisposeAsync().AsTask();
        await Task.Delay(300, Cancel);
        Assert.False(stopping.IsCompleted, $"The listeners stopped while a run was in flight ({stopping.Status}: {stopping.Exception?.GetBaseException().Message}).");

        gate.Release(1);
        await stopping.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        Assert.Single(gate.Left.Items);
        Assert.Equal(0, (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task HandsARunCutShortByShutdownBackAtOnce()
    {
        var gate = new Gate<QueueInvocation>();
        var host = StartHolding(gate, FastPolling(), [new("Host:QueueMessageLease", "00:01:00")]);
        var queue = await QueueAsync(HoldsQueue);
        await queue.SendMessageAsync("cut short", Cancel);
        await gate.Entered.WaitForAsync(1);

        // A shutdown deadline that ends before the run: the run is cancelled and its message released, not left for its lease.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await host.Services.GetRequiredService<SocialWatch.Host.Functions.TriggerListeners>().StopAsync(deadline.Token);
        await host.DisposeAsync();

        await Eventually.TrueAsync(async () => (await queue.PeekMessagesAsync(1, Cancel)).Value.Length == 1, "the message visible again");
        Assert.Empty(gate.Left.Items);
    }

    [Fact]
    public async Task MovesAMessageThatIsNotBase64ToPoisonAsIs()
    {
        var seen = new Seen<QueueInvocation>();
        await using var host = StartRecording(seen);
        var queue = await QueueAsync(RecordsQueue);
        var raw = new QueueClient(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await raw.SendMessageAsync("not base64: <raw> text!", Cancel);
        await queue.SendMessageAsync("a good one", Cancel);

        Assert.Equal("a good one", Assert.Single(await seen.WaitForAsync(1)).Body);
        var rawPoison = new QueueClient(azurite.ConnectionString, ListenerQueueClients.PoisonQueueName(queue.Name), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await Eventually.TrueAsync(async () => (await rawPoison.ExistsAsync(Cancel)).Value && (await rawPoison.PeekMessagesAsync(10, Cancel)).Value.Length == 1, "the undecodable message in the poison queue");
        Assert.Equal("not base64: <raw> text!", (await rawPoison.PeekMessageAsync(Cancel)).Value.Body.ToString());
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount == 0, "the main queue to be empty");
        Assert.Single(seen.Items);
    }

    [Fact]
    public async Task TakesMessagesAsIsWhenHostJsonSaysNoEncoding()
    {
        var seen = new Seen<QueueInvocation>();
        var invoker = new RecordingInvoker().Handle(Records, Record(seen));
        await using var host = ListenerHost.Start(azurite, prefix, invoker, [ListenerHost.QueueFunction(Records, RecordsQueue)], FastPolling(new JsonObject { ["messageEncoding"] = "none" }));
        var raw = new QueueClient(azurite.ConnectionString, $"{prefix}-{RecordsQueue}", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateIfNotExistsAsync(cancellationToken: Cancel);

        await raw.SendMessageAsync("plain, not base64", Cancel);

        Assert.Equal("plain, not base64", Assert.Single(await seen.WaitForAsync(1)).Body);
    }

    [Fact]
    public async Task RecreatesAQueueDeletedUnderIt()
    {
        var seen = new Seen<QueueInvocation>();
        await using var host = StartRecording(seen);
        var queue = await QueueAsync(RecordsQueue);
        await queue.SendMessageAsync("before", Cancel);
        await seen.WaitForAsync(1);

        await queue.DeleteAsync(Cancel);
        await Eventually.TrueAsync(() => host.Logs.Contains(LogLevel.Warning, $"queue {queue.Name} is unreachable"), "the listener to report the missing queue");
        await Eventually.TrueAsync(async () => (await queue.ExistsAsync(Cancel)).Value, "the listener to create the queue again");
        await queue.SendMessageAsync("after", Cancel);

        Assert.Equal(["before", "after"], (await seen.WaitForAsync(2)).Select(m => m.Body));
    }

    [Fact]
    public async Task StopsPromptlyWhileStorageIsUnreachable()
    {
        var closedPort = FreePort.Next();
        var seen = new Seen<QueueInvocation>();
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";
        var host = ListenerHost.Start(azurite, prefix, new RecordingInvoker().Handle(Records, Record(seen)), [ListenerHost.QueueFunction(Records, RecordsQueue)], FastPolling(), settings: [new("AzureWebJobsStorage", unreachable)]);
        await Task.Delay(500, Cancel);

        // The listener is inside the storage client's own retries (which take about half a minute before it logs and backs off).
        var stopping = Stopwatch.StartNew();
        await host.DisposeAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"Stopping took {stopping.Elapsed}: the listener did not give up its storage retries on shutdown.");
        Assert.Empty(seen.Items);
    }

    [Fact]
    public async Task ListensToTheQueueItsAppSettingNames()
    {
        var seen = new Seen<QueueInvocation>();
        await using var host = StartRecording(seen, "%RECORDS_QUEUE%", [new("RECORDS_QUEUE", "records-from-setting")]);
        var queue = await QueueAsync("records-from-setting");

        await queue.SendMessageAsync("found by its setting", Cancel);

        Assert.Equal("found by its setting", Assert.Single(await seen.WaitForAsync(1)).Body);
    }

    [Theory]
    [InlineData("%NO_SUCH_QUEUE%", "refers to app setting 'NO_SUCH_QUEUE' (%NO_SUCH_QUEUE%), which is not set")]
    [InlineData("Records", "-Records': queue names are 3 to 56 lowercase letters")]
    [InlineData("records--twice", "queue names are 3 to 56 lowercase letters")]
    public void RefusesToStartWithAQueueNameItCannotUse(string queueName, string expected)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => StartRecording(new Seen<QueueInvocation>(), queueName));

        Assert.Contains($"Function {Records}'s queueTrigger 'queueName'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavesAFunctionDisabledByItsSettingAlone()
    {
        var seen = new Seen<QueueInvocation>();
        await using var host = StartRecording(seen, settings: [new($"AzureWebJobs.{Records}.Disabled", "true")]);
        var queue = await QueueAsync(RecordsQueue);

        await queue.SendMessageAsync("nobody listens", Cancel);
        await Task.Delay(500, Cancel);

        Assert.True(host.Logs.Contains(LogLevel.Information, $"Function {Records} is disabled"));
        Assert.False(host.Logs.Contains(LogLevel.Information, $"Function {Records} listens to queue"));
        Assert.Empty(seen.Items);
    }

    private static Func<SocialWatch.Host.Functions.FunctionInvocation, CancellationToken, Task> Record(Seen<QueueInvocation> seen) => (invocation, _) =>
    {
        seen.Add(QueueInvocation.From(invocation));
        return Task.CompletedTask;
    };

    /// <summary>A host whose one function records the messages of its queue.</summary>
    private ListenerHost StartRecording(Seen<QueueInvocation> seen, string declaredQueue = RecordsQueue, IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        ListenerHost.Start(azurite, prefix, new RecordingInvoker().Handle(Records, Record(seen)), [ListenerHost.QueueFunction(Records, declaredQueue)], FastPolling(), settings: settings);

    /// <summary>A host whose one function holds each message until the test releases it.</summary>
    private ListenerHost StartHolding(Gate<QueueInvocation> gate, JsonObject queues, IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        ListenerHost.Start(azurite, prefix, new RecordingInvoker().Handle(Holds, (invocation, token) => gate.PassAsync(QueueInvocation.From(invocation), token)), [ListenerHost.QueueFunction(Holds, HoldsQueue)], queues, settings: settings);

    /// <summary>The queue as any sender of the app sees it: prefixed name (StorageNames.Queue), base64 messages; created here so a test can send before the listener polls.</summary>
    private async Task<QueueClient> QueueAsync(string baseName)
    {
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{baseName}", StorageServiceCollectionExtensions.QueueClientOptions());
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancel);
        return queue;
    }
}
