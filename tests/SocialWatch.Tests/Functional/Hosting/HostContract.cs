using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>
/// What the worker sees of each kind of invocation, recorded by its own middleware (SocialWatch:Diagnostics:InvocationLog)
/// and compared with a committed expectation: a JSON and a text queue message (the text one ends in the poison queue), a
/// timer run through the admin endpoint, a GET with route values and a query, a POST of JSON, a CORS preflight and a refused
/// key. Under our local host here; under Core Tools' `func start` in the GitHub Actions job (SOCIALWATCH_HOST=func), where
/// the same expectation must hold. Values that differ per run (ids, times, receipts) are recorded as present, not compared.
/// </summary>
public sealed class HostContract(AzuriteFixture azurite)
{
    private const string Origin = "https://rose-bakery.example";

    // As the functions declare them: no storage prefix here (see the settings below).
    private const string HeldChecksDueQueue = "held-checks-due";
    private const string SnapshotQueue = "score-snapshot";
    private static readonly string Expectation = RepositoryRoot.Combine("tests", "SocialWatch.Tests", "Functional", "Hosting", "host-contract.expected.json");

    /// <summary>Metadata compared by value (besides route values): the message text and the try; the rest only by presence.</summary>
    private static readonly string[] ComparedMetadata = ["QueueTrigger", "DequeueCount"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWorkerSeesWhatTheFunctionsHostSends()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("socialwatch-contract-").FullName, "invocations.jsonl");
        // No storage prefix: the Functions host listens to the queue names as declared.
        var settings = TestSettings.For(azurite, string.Empty);
        settings["SocialWatch:Diagnostics:InvocationLog"] = log;
        settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.5";
        settings["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00";
        settings["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2";
        foreach (var schedule in new[] { "SWEEP_SCHEDULE", "AUDIT_SCHEDULE", "COLLECT_SCHEDULE", "OUTBOX_SCHEDULE" })
        {
            // Once a year, on a day the test does not run: only the admin endpoint fires a timer here.
            settings[schedule] = "0 0 0 1 1 *";
        }

        await using var app = await AppHost.StartAsync(settings);
        // The readiness probe's GET /api/health is not part of the scenario.
        File.Delete(log);
        var client = app.Client;
        var queues = new QueueServiceClient(azurite.ConnectionString, StorageServiceCollectionExtensions.QueueClientOptions());

        var businessId = await client.CreateBusinessAsync("contract-" + Guid.NewGuid().ToString("N")[..8]);
        await WaitForAsync(log, 1);
        (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/report?from=2026-01-05&to=2026-01-11", ApiHost.AdminKey)).EnsureSuccessStatusCode();
        await WaitForAsync(log, 2);
        using (var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/businesses/{businessId}/plan"))
        {
            preflight.Headers.Add("Origin", Origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
            using var answer = await client.SendAsync(preflight, Cancel);
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        await WaitForAsync(log, 3);
        var refusing = Stopwatch.StartNew();
        var refused = await client.SendAsync(HttpMethod.Get, $"/api/businesses/{businessId}/plan", "not-a-key");
        refusing.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await WaitForAsync(log, 4);

        await SendAsync(queues, HeldChecksDueQueue, new HeldChecksDue("contract.test", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Serialize());
        await WaitForAsync(log, 5);
        await SendAsync(queues, SnapshotQueue, "not a snapshot");
        await WaitForAsync(log, 7);
        using (var run = await client.PostAsync(new Uri("/admin/functions/SweepOutbox", UriKind.Relative), new StringContent("{\"input\":\"\"}", Encoding.UTF8, "application/json"), Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        }

        var recorded = await WaitForAsync(log, 8);
        // The host moves the message after the worker has recorded its last try.
        var poison = queues.GetQueueClient(SnapshotQueue + "-poison");
        await Eventually.TrueAsync(async () => (await poison.PeekMessagesAsync(32, Cancel)).Value.Length > 0, "the message in the poison queue");
        var poisoned = Assert.Single((await poison.ReceiveMessagesAsync(32, cancellationToken: Cancel)).Value);

        Assert.Equal("not a snapshot", poisoned.Body.ToString());
        // The trap this guards against: a refusal made around the invocation leaves the host waiting 15 s for the function.
        Assert.True(refusing.Elapsed < TimeSpan.FromSeconds(5), $"The refused request took {refusing.Elapsed}.");
        var normalized = Normalize(recorded, businessId);
        if (Environment.GetEnvironmentVariable("SOCIALWATCH_WRITE_CONTRACT") == "1")
        {
            await File.WriteAllTextAsync(Expectation, normalized, Cancel);
        }

        Assert.Equal(await File.ReadAllTextAsync(Expectation, Cancel), normalized);
    }

    private static async Task SendAsync(QueueServiceClient queues, string name, string text)
    {
        var queue = queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancel);
        await queue.SendMessageAsync(text, Cancel);
    }

    /// <summary>Waits until the worker has recorded <paramref name="count"/> invocations, and returns them.</summary>
    private static async Task<IReadOnlyList<JsonObject>> WaitForAsync(string log, int count)
    {
        IReadOnlyList<JsonObject> records = [];
        await Eventually.TrueAsync(
            () =>
            {
                records = File.Exists(log) ? [.. File.ReadAllLines(log).Select(line => JsonNode.Parse(line)!.AsObject())] : [];
                return records.Count >= count;
            },
            $"{count} recorded invocations",
            TimeSpan.FromSeconds(30));
        Assert.Equal(count, records.Count);
        return records;
    }

    /// <summary>The records as compared: per-run values replaced by what they are, one record per line, in a stable order.</summary>
    private static string Normalize(IEnumerable<JsonObject> records, string businessId)
    {
        var lines = records.Select(record =>
        {
            var copy = record.DeepClone().AsObject();
            var metadata = copy["metadata"]!.AsObject();
            var routeValues = copy["http"]?["routeValues"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var key in metadata.Select(p => p.Key).ToList())
            {
                if (!ComparedMetadata.Contains(key, StringComparer.Ordinal) && !routeValues.Contains(key))
                {
                    metadata[key] = metadata[key] is null ? null : "<present>";
                }
            }

            return copy.ToJsonString().Replace(businessId, "<businessId>", StringComparison.Ordinal);
        });
        return string.Join('\n', lines.Order(StringComparer.Ordinal)) + "\n";
    }
}
