using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Figures of engagement scoring, with the app in local mode (its own queue listener) on the run's Azurite: throughput
/// of ingest-to-scored against Azurite's ceiling for the same storage operations without scoring, latency from ingest to
/// scored at a steady rate, and GET benchmark state for 20 profiles with 3 years of weekly snapshots under load.
/// </summary>
internal static class ScoringScenario
{
    internal const int Profiles = 20;
    private const int ThroughputWeeks = 26;
    private const int SteadyRate = 20;
    private const int SteadySeconds = 15;
    private const int StateWeeks = 156;
    private const int StateReadRate = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(string handler, IReadOnlyDictionary<string, string> settings, AzuriteServer azurite, string adminKey, TimeSpan loadDuration, CancellationToken cancellationToken)
    {
        // Local mode: the app drives its own queue listeners.
        await using var app = HandlerProcess.StartLocal(handler, settings);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        await WaitForHealthAsync(client, app, cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);

        Console.WriteLine(Invariant($"Engagement scoring: the app in local mode (queue listener, host.json batch settings), Azurite, {Profiles} profiles"));
        var business = await Business.CreateAsync(client, adminKey, "bench-scoring", cancellationToken);
        var first = lastMonday.AddDays(-7 * (ThroughputWeeks + (SteadySeconds * SteadyRate / Profiles) + 2));
        var csv = Csv(business.ProfileIds, Enumerable.Range(0, ThroughputWeeks).Select(w => first.AddDays(7 * w)));
        var clock = Stopwatch.StartNew();
        await business.PostAsync(client, "text/csv", csv, cancellationToken);
        await business.WaitForScoredAsync(client, Profiles * ThroughputWeeks, null, cancellationToken);
        var endToEnd = Profiles * ThroughputWeeks / clock.Elapsed.TotalSeconds;
        var ceiling = await CeilingAsync(azurite.ConnectionString, Profiles * ThroughputWeeks, await business.PayloadSizesAsync(client, cancellationToken), cancellationToken);
        Console.WriteLine(Invariant($"  throughput, {Profiles * ThroughputWeeks} snapshots in one CSV upload to all scored: {endToEnd:0.0} snapshots/s"));
        Console.WriteLine(Invariant($"  Azurite ceiling, the same storage operations per snapshot without scoring, 16-32 in flight: {ceiling:0.0} snapshots/s"));
        Console.WriteLine(Invariant($"  ratio {endToEnd / ceiling:0.00} (target >= 0.8)"));

        var steady = await SteadyLatencyAsync(client, business, first.AddDays(7 * ThroughputWeeks), cancellationToken);
        Console.WriteLine(Invariant($"  ingest to scored at a steady {SteadyRate} snapshots/s for {SteadySeconds} s (one POST each; scored seen by polling GET benchmarks every {PollInterval.TotalMilliseconds:0} ms): p50 {Ms(steady.P50)}  p95 {Ms(steady.P95)}  max {Ms(steady.Max)}"));
        if (endToEnd < SteadyRate)
        {
            Console.WriteLine(Invariant($"    (this run's throughput, {endToEnd:0.0} snapshots/s, is below the steady rate: the latency above is mostly the backlog growing, not the time to score one snapshot)"));
        }

        var history = await Business.CreateAsync(client, adminKey, "bench-history", cancellationToken);
        var since = lastMonday.AddDays(-7 * (StateWeeks - 1));
        clock.Restart();
        // Half a year per upload: one request queues its snapshots before it answers, and Azurite takes ~100 sends/s.
        foreach (var weeks in Enumerable.Range(0, StateWeeks).Chunk(ThroughputWeeks))
        {
            await history.PostAsync(client, "text/csv", Csv(history.ProfileIds, weeks.Select(w => since.AddDays(7 * w))), cancellationToken);
        }

        await history.WaitForScoredAsync(client, Profiles * StateWeeks, TimeSpan.FromMinutes(15), cancellationToken);
        Console.WriteLine(Invariant($"  loaded {Profiles} profiles x {StateWeeks} weeks ({Profiles * StateWeeks} snapshots) in {clock.Elapsed.TotalSeconds:0} s"));
        await PrintStateReadsAsync(client, history, loadDuration, cancellationToken);
        Console.WriteLine();
    }

    /// <summary>
    /// GET benchmark state of the 3-year business at a steady rate, open loop, in this handler process, against GET
    /// /api/health in the same process and run as the baseline: the whole business (fresh, and conditional with the
    /// ETag the client holds) and one profile.
    /// </summary>
    private static async Task PrintStateReadsAsync(HttpClient client, Business history, TimeSpan loadDuration, CancellationToken cancellationToken)
    {
        using var first = history.Request(HttpMethod.Get, "benchmarks");
        using var answer = await client.SendAsync(first, cancellationToken);
        var etag = answer.Headers.ETag?.ToString() ?? throw new InvalidOperationException("GET benchmarks answered without an ETag.");
        var bytes = (await answer.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
        var load = new OpenLoopLoad(client, StateReadRate, loadDuration);
        Console.WriteLine(Invariant($"  GET benchmark state ({Profiles} profiles x 3 years weekly, {bytes / 1024} KB of JSON) at {load.RequestsPerSecond} requests/s for {loadDuration.TotalSeconds:0} s each, open loop, in the handler process:"));
        var health = await load.RunAsync(() => PlanScenario.Request(HttpMethod.Get, "api/health", history.OwnerKey), cancellationToken);
        PrintRead("GET /api/health (baseline)", health, null);
        PrintRead("GET benchmarks (whole business)", await load.RunAsync(() => history.Request(HttpMethod.Get, "benchmarks"), cancellationToken), health);
        PrintRead("GET benchmarks, If-None-Match current (304)", await load.RunAsync(() => Conditional(history.Request(HttpMethod.Get, "benchmarks"), etag), cancellationToken), health);
        PrintRead("GET profiles/{id}/benchmarks (one profile)", await load.RunAsync(() => history.Request(HttpMethod.Get, $"profiles/{history.ProfileIds[0]}/benchmarks"), cancellationToken), health);
    }

    private static HttpRequestMessage Conditional(HttpRequestMessage request, string etag)
    {
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return request;
    }

    private static void PrintRead(string name, LatencyReport report, LatencyReport? baseline)
    {
        var ratio = baseline is null ? string.Empty : Invariant($"  vs health: p50 x{report.P50 / baseline.P50:0.0}, p99 x{report.P99 / baseline.P99:0.0}");
        Console.WriteLine(Invariant($"    {name,-46} p50 {Ms(report.P50),8}  p99 {Ms(report.P99),8}  max {Ms(report.Max),8}  {report.Requests} requests, {report.Errors} errors, generator lag max {Ms(report.MaxSendLag)}{ratio}"));
        if (report.FirstError is { } error)
        {
            Console.WriteLine(Invariant($"      first error: {error}"));
        }
    }

    internal static async Task WaitForHealthAsync(HttpClient client, HandlerProcess app, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await client.GetAsync("api/health", cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"The app in local mode did not answer GET /api/health within 60 s:{Environment.NewLine}{app.Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Posts one snapshot per request at a steady rate (profiles in turn, each profile's weeks in order) and times each until its profile's state counts it.</summary>
    private static async Task<(TimeSpan P50, TimeSpan P95, TimeSpan Max)> SteadyLatencyAsync(HttpClient client, Business business, DateOnly firstWeek, CancellationToken cancellationToken)
    {
        var counts = await business.ScoredCountsAsync(client, cancellationToken);
        var total = SteadyRate * SteadySeconds;
        var sent = new (string ProfileId, int Count, TimeSpan At)[total];
        var clock = Stopwatch.StartNew();
        var scoredAt = new TimeSpan?[total];
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = Task.Run(async () =>
        {
            while (scoredAt.Any(s => s is null))
            {
                var now = await business.ScoredCountsAsync(client, stopPolling.Token);
                for (var i = 0; i < total; i++)
                {
                    if (scoredAt[i] is null && sent[i].ProfileId is { } profile && now.GetValueOrDefault(profile) >= sent[i].Count)
                    {
                        scoredAt[i] = clock.Elapsed;
                    }
                }

                await Task.Delay(PollInterval, stopPolling.Token);
            }
        }, stopPolling.Token);

        var posts = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / SteadyRate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var profile = business.ProfileIds[i % Profiles];
            var week = firstWeek.AddDays(7 * (i / Profiles));
            counts[profile] = counts.GetValueOrDefault(profile) + 1;
            sent[i] = (profile, counts[profile], clock.Elapsed);
            posts.Add(business.PostAsync(client, "text/csv", Csv([profile], [week]), cancellationToken));
        }

        await Task.WhenAll(posts);
        var timeout = Stopwatch.StartNew();
        while (scoredAt.Any(s => s is null) && timeout.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(PollInterval, cancellationToken);
        }

        await stopPolling.CancelAsync();
        await polling.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        var latencies = Enumerable.Range(0, total).Select(i => (scoredAt[i] ?? throw new TimeoutException($"Snapshot {i} was not scored within 2 minutes.")) - sent[i].At).Order().ToArray();
        return (LatencyReport.Percentile(latencies, 0.5), LatencyReport.Percentile(latencies, 0.95), latencies[^1]);
    }

    /// <summary>
    /// Azurite's ceiling for one snapshot's storage operations, measured by doing them without the app and without scoring:
    /// send, receive (by 16), the profile's point read, the snapshot upsert, the state's point read, the history range
    /// query, the scores merge, the state write and the message delete, with payloads of the app's sizes.
    /// </summary>
    private static async Task<double> CeilingAsync(string connection, int snapshots, (int Snapshot, int Scores, int State) sizes, CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(connection);
        var prefix = "ceil" + Guid.NewGuid().ToString("N")[..8];
        var snapshotTable = tables.GetTableClient(prefix + "Snapshots");
        var stateTable = tables.GetTableClient(prefix + "States");
        var profileTable = tables.GetTableClient(prefix + "Profiles");
        var queue = new QueueClient(connection, prefix + "-score", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await snapshotTable.CreateIfNotExistsAsync(cancellationToken);
        await stateTable.CreateIfNotExistsAsync(cancellationToken);
        await profileTable.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        for (var p = 0; p < Profiles; p++)
        {
            await profileTable.UpsertEntityAsync(new TableEntity("b", P(p)) { ["Network"] = "instagram", ["Url"] = new string('u', 60) }, cancellationToken: cancellationToken);
        }

        var snapshotJson = new string('s', sizes.Snapshot);
        var scoresJson = new string('c', sizes.Scores);
        var stateJson = new string('t', Math.Min(sizes.State, 30_000));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, snapshots), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            await queue.SendMessageAsync(snapshotJson, ct));
        var done = 0;
        // As the listener did with host.json batchSize 16, newBatchThreshold 8 (now 32 and 16, raised for the profile checks):
        // batches of 16 run concurrently, and the next batch is fetched while one is in flight, so 16 to 32 snapshots are in progress.
        var workers = Enumerable.Range(0, 2).Select(async receiver =>
        {
            while (Interlocked.CompareExchange(ref done, 0, 0) < snapshots)
            {
                var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1), cancellationToken)).Value;
                await Task.WhenAll(messages.Select(async message =>
                {
                    var n = Interlocked.Increment(ref done) - 1;
                    var profile = P(n % Profiles);
                    var row = $"{profile}|{n / Profiles:00000}";
                    await profileTable.GetEntityIfExistsAsync<TableEntity>("b", profile, cancellationToken: cancellationToken);
                    await snapshotTable.UpsertEntityAsync(new TableEntity("b", row) { ["Snapshot"] = snapshotJson }, TableUpdateMode.Replace, cancellationToken);
                    await stateTable.GetEntityIfExistsAsync<TableEntity>("b", profile, cancellationToken: cancellationToken);
                    var history = 0;
                    await foreach (var period in snapshotTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"b"} and RowKey gt {profile + "|"} and RowKey lt {profile + "}"}"), select: ["Snapshot", "ScoresFingerprint"], cancellationToken: cancellationToken))
                    {
                        history += period.GetString("Snapshot").Length;
                    }

                    await snapshotTable.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("b", row) { ["Scores"] = scoresJson, ["ScoresFingerprint"] = "f" }, Azure.ETag.All)], cancellationToken);
                    await stateTable.UpsertEntityAsync(new TableEntity("b", profile) { ["Benchmarks"] = stateJson }, TableUpdateMode.Replace, cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }));
            }
        }).ToList();
        await Task.WhenAll(workers);
        return snapshots / clock.Elapsed.TotalSeconds;
    }

    private static string P(int profile) => profile.ToString("x32", CultureInfo.InvariantCulture);

    internal static string Csv(IReadOnlyList<string> profileIds, IEnumerable<DateOnly> weeks)
    {
        var csv = new StringBuilder("profileId,network,periodStart,periodEnd,followers,posts,reach,impressions,reactions,comments,shares,repliesByBusiness,inboundNeedingAnswer,inboundAnswered,medianFirstResponseMinutes,promotionalPosts,signedPosts,uniqueEngagers,returningEngagers,linkClicks,leads,conversions\n");
        var w = 0;
        foreach (var week in weeks)
        {
            for (var p = 0; p < profileIds.Count; p++)
            {
                var followers = 1000 + (p * 50) + (w * 7);
                var posts = 3 + ((p + w) % 3);
                var reactions = posts * (20 + ((p * 7 + w * 3) % 15));
                csv.Append(Invariant($"{profileIds[p]},instagram,{week:yyyy-MM-dd},{week.AddDays(6):yyyy-MM-dd},{followers},{posts},{followers / 2},{followers * 2},{reactions},{reactions / 8},{reactions / 20},{posts * 2},{5 + (w % 4)},{4 + (w % 4)},{90 + (w % 60)},1,{posts / 2},{reactions / 2},{reactions / 6},{reactions / 25},{reactions / 100},{reactions / 300}\n"));
            }

            w++;
        }

        return csv.ToString();
    }

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A business with an owner key and <see cref="Profiles"/> Instagram profiles, made through the API.</summary>
    internal sealed record Business(string Id, string OwnerKey, IReadOnlyList<string> ProfileIds)
    {
        public static async Task<Business> CreateAsync(HttpClient client, string adminKey, string id, CancellationToken cancellationToken)
        {
            var site = new[] { "https://bench.example" };
            await SendAsync(client, HttpMethod.Post, "api/businesses", adminKey, new { id, name = id, websites = site, audience = "consumer", timeZone = "UTC", owner = new { name = "Ann", email = "ann@bench.example" } }, cancellationToken);
            var ownerKey = (await SendAsync(client, HttpMethod.Post, $"api/businesses/{id}/keys", adminKey, new { role = "owner", label = "bench" }, cancellationToken)).GetProperty("key").GetString()!;
            var profiles = new List<string>();
            for (var p = 0; p < Profiles; p++)
            {
                var handle = "p" + p.ToString(CultureInfo.InvariantCulture);
                profiles.Add((await SendAsync(client, HttpMethod.Post, $"api/businesses/{id}/profiles", ownerKey, new { network = "instagram", url = "https://instagram.com/" + handle, handle }, cancellationToken)).GetProperty("id").GetString()!);
            }

            return new Business(id, ownerKey, profiles);
        }

        public HttpRequestMessage Request(HttpMethod method, string path) => PlanScenario.Request(method, $"api/businesses/{Id}/{path}", OwnerKey);

        public async Task PostAsync(HttpClient client, string mediaType, string body, CancellationToken cancellationToken)
        {
            using var request = Request(HttpMethod.Post, "snapshots");
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST snapshots answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        public async Task<Dictionary<string, int>> ScoredCountsAsync(HttpClient client, CancellationToken cancellationToken)
        {
            using var request = Request(HttpMethod.Get, "benchmarks");
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.GetProperty("profiles").EnumerateArray().ToDictionary(p => p.GetProperty("profileId").GetString()!, p => p.GetProperty("scoredPeriods").GetInt32());
        }

        /// <summary>Polls every half second: GET benchmarks of 20 profiles is work the ceiling does not do, so it stays rare.</summary>
        public async Task WaitForScoredAsync(HttpClient client, int snapshots, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            while ((await ScoredCountsAsync(client, cancellationToken)).Values.Sum() < snapshots)
            {
                if (clock.Elapsed > (timeout ?? TimeSpan.FromMinutes(5)))
                {
                    throw new TimeoutException($"{snapshots} snapshots of {Id} were not all scored within {clock.Elapsed}.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }

        /// <summary>JSON sizes the app stores per snapshot: the snapshot, its scores, its profile's benchmark state.</summary>
        public async Task<(int Snapshot, int Scores, int State)> PayloadSizesAsync(HttpClient client, CancellationToken cancellationToken)
        {
            using var stateRequest = Request(HttpMethod.Get, $"profiles/{ProfileIds[0]}/benchmarks");
            using var state = await client.SendAsync(stateRequest, cancellationToken);
            using var reportRequest = Request(HttpMethod.Get, "report?from=2000-01-01&to=2100-01-01");
            using var report = await client.SendAsync(reportRequest, cancellationToken);
            var periods = (await report.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("profiles")[0].GetProperty("periods");
            return (700, periods[0].GetRawText().Length, (await state.Content.ReadAsStringAsync(cancellationToken)).Length);
        }

        private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string apiKey, object body, CancellationToken cancellationToken)
        {
            using var request = PlanScenario.Request(method, path, apiKey);
            request.Content = JsonContent.Create(body);
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? JsonSerializer.Deserialize<JsonElement>(text)
                : throw new InvalidOperationException($"{method} /{path} answered {(int)response.StatusCode}: {text}");
        }
    }
}
