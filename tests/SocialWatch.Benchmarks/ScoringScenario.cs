using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Figures of engagement scoring, with the app run by the local host (its queue listener feeds ScoreSnapshot to the worker) on the run's Azurite: throughput
/// of ingest-to-scored against Azurite's ceiling for the same storage operations without scoring, latency from ingest to
/// scored at a steady rate, and GET benchmark state for 20 profiles with 3 years of weekly snapshots under load.
/// </summary>
internal static class ScoringScenario
{
    internal const int Profiles = 20;
    private const int ThroughputWeeks = 26;
    private const int WarmUpWeeks = 4;
    private const int SteadyRate = 20;
    private const int SteadySeconds = 15;
    private const int StateWeeks = 156;
    private const int StateReadRate = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<ScoringFigures> RunAsync(BenchmarkOptions options, IReadOnlyDictionary<string, string?> settings, AzuriteServer azurite, string adminKey, CancellationToken cancellationToken)
    {
        var loadDuration = options.LoadDuration;
        // The host's queue listener takes ScoreSnapshot's messages and invokes the worker over gRPC.
        await using var app = await AppHost.StartAsync(settings, workerDirectory: options.Worker, hostAssembly: options.Host);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);

        Console.WriteLine(Invariant($"Engagement scoring: the published worker run by the local host (its queue listener, host.json batch settings), Azurite, {Profiles} profiles"));
        var first = lastMonday.AddDays(-7 * (ThroughputWeeks + (SteadySeconds * SteadyRate / Profiles) + 2));
        // A short upload to another business first: the worker's first requests pay for its connections and start-up JIT.
        var warmUp = await Business.CreateAsync(client, adminKey, "bench-warm-up", cancellationToken);
        await warmUp.PostAsync(client, "text/csv", Csv(warmUp.ProfileIds, Enumerable.Range(0, WarmUpWeeks).Select(w => first.AddDays(7 * w))), cancellationToken);
        await warmUp.WaitForScoredAsync(client, Profiles * WarmUpWeeks, null, cancellationToken);
        // Twice, as the ceiling below, and the faster counts: a run in a process still compiling its hot code measures the JIT.
        var throughputWeeks = Enumerable.Range(0, ThroughputWeeks).Select(w => first.AddDays(7 * w)).ToArray();
        var firstBusiness = await Business.CreateAsync(client, adminKey, "bench-scoring-first", cancellationToken);
        var firstRun = await UploadAndScoreAsync(client, app, firstBusiness, Csv(firstBusiness.ProfileIds, throughputWeeks), cancellationToken);
        var business = await Business.CreateAsync(client, adminKey, "bench-scoring", cancellationToken);
        var csv = Csv(business.ProfileIds, throughputWeeks);
        var secondRun = await UploadAndScoreAsync(client, app, business, csv, cancellationToken);
        var (endToEnd, scored, polled, appCpu) = firstRun.Rate >= secondRun.Rate ? firstRun : secondRun;
        var listener = HostQueues.Read();
        var sizes = await business.PayloadSizesAsync(client, cancellationToken);
        // Twice, before and after the app in this process, and the faster counts: the first run also pays for this process's
        // JIT and connection warm-up, which would flatter the ratio.
        var firstCeiling = await CeilingAsync(azurite.ConnectionString, listener, Profiles * ThroughputWeeks, sizes, cancellationToken);
        var inProcess = await InProcessAsync(azurite.ConnectionString, listener, csv, cancellationToken);
        var secondCeiling = await CeilingAsync(azurite.ConnectionString, listener, Profiles * ThroughputWeeks, sizes, cancellationToken);
        var ceiling = firstCeiling.Rate >= secondCeiling.Rate ? firstCeiling : secondCeiling;
        Console.WriteLine(Invariant($"  throughput, {Profiles * ThroughputWeeks} snapshots in one CSV upload to the last state written: {endToEnd:0.0} snapshots/s ({scored.TotalSeconds:0.00} s; seen by polling after {polled.TotalSeconds:0.00} s; the faster of two runs: {firstRun.Rate:0.0}, {secondRun.Rate:0.0})"));
        Console.WriteLine(Invariant($"  Azurite ceiling, the same storage operations without scoring (the app's turns per profile, host.json's batch {listener.BatchSize} + {listener.NewBatchThreshold}): {ceiling.Rate:0.0} snapshots/s (the faster of two runs: {firstCeiling.Rate:0.0}, {secondCeiling.Rate:0.0})"));
        Console.WriteLine(Invariant($"  ratio {endToEnd / ceiling.Rate:0.00} (target >= 0.9)"));
        Console.WriteLine(Invariant($"  storage operations per snapshot, counted, upload to all scored: app {inProcess.Operations} (its services in this process, same upload, same batch settings), ceiling {ceiling.Operations}"));
        Console.WriteLine(Invariant($"    turns that read and wrote in the ceiling: {ceiling.Turns} for {Profiles * ThroughputWeeks} snapshots (the other snapshots were covered by an earlier turn of their profile)"));
        Console.WriteLine(Invariant($"    the app in this process: {inProcess.Rate:0.0} snapshots/s, ratio {inProcess.Rate / ceiling.Rate:0.00} to the ceiling"));
        Console.WriteLine(Invariant($"  CPU per snapshot (user + system, less sensitive to other load than the rates): worker {Ms(appCpu.Worker / (Profiles * ThroughputWeeks))} (ingest, scoring, telemetry), host {Ms(appCpu.Host / (Profiles * ThroughputWeeks))} (front door, queue listener, gRPC); this process: app {Ms(inProcess.Cpu / (Profiles * ThroughputWeeks))}, ceiling {Ms(ceiling.Cpu / (Profiles * ThroughputWeeks))} (both with the same queue driver); Azurite serves them all on one Node thread"));

        var steady = await SteadyLatencyAsync(client, business, first.AddDays(7 * ThroughputWeeks), cancellationToken);
        Console.WriteLine(Invariant($"  ingest to scored at a steady {SteadyRate} snapshots/s for {SteadySeconds} s (one POST each; scored seen by polling GET benchmarks every {PollInterval.TotalMilliseconds:0} ms): p50 {Ms(steady.P50)}  p95 {Ms(steady.P95)}  max {Ms(steady.Max)}"));
        if (endToEnd < SteadyRate)
        {
            Console.WriteLine(Invariant($"    (this run's throughput, {endToEnd:0.0} snapshots/s, is below the steady rate: the latency above is mostly the backlog growing, not the time to score one snapshot)"));
        }

        var history = await Business.CreateAsync(client, adminKey, "bench-history", cancellationToken);
        var since = lastMonday.AddDays(-7 * (StateWeeks - 1));
        var clock = Stopwatch.StartNew();
        // Half a year per upload: one request queues its snapshots before it answers, and Azurite takes ~100 sends/s.
        foreach (var weeks in Enumerable.Range(0, StateWeeks).Chunk(ThroughputWeeks))
        {
            await history.PostAsync(client, "text/csv", Csv(history.ProfileIds, weeks.Select(w => since.AddDays(7 * w))), cancellationToken);
        }

        await history.WaitForScoredAsync(client, Profiles * StateWeeks, TimeSpan.FromMinutes(15), cancellationToken);
        Console.WriteLine(Invariant($"  loaded {Profiles} profiles x {StateWeeks} weeks ({Profiles * StateWeeks} snapshots) in {clock.Elapsed.TotalSeconds:0} s"));
        await PrintStateReadsAsync(client, history, loadDuration, cancellationToken);
        Console.WriteLine();
        return new ScoringFigures(endToEnd, ceiling.Rate, inProcess.TablesPerSnapshot, inProcess.QueuesPerSnapshot);
    }

    /// <summary>
    /// GET benchmark state of the 3-year business at a steady rate, open loop, through the same host and worker, against GET
    /// /api/health through them in the same run as the baseline: the whole business (fresh, and conditional with the
    /// ETag the client holds) and one profile.
    /// </summary>
    private static async Task PrintStateReadsAsync(HttpClient client, Business history, TimeSpan loadDuration, CancellationToken cancellationToken)
    {
        using var first = history.Request(HttpMethod.Get, "benchmarks");
        using var answer = await client.SendAsync(first, cancellationToken);
        var etag = answer.Headers.ETag?.ToString() ?? throw new InvalidOperationException("GET benchmarks answered without an ETag.");
        var bytes = (await answer.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
        var load = new OpenLoopLoad(client, StateReadRate, loadDuration);
        Console.WriteLine(Invariant($"  GET benchmark state ({Profiles} profiles x 3 years weekly, {bytes / 1024} KB of JSON) at {load.RequestsPerSecond} requests/s for {loadDuration.TotalSeconds:0} s each, open loop, through the local host:"));
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

    /// <summary>One CSV upload of <see cref="ThroughputWeeks"/> weeks to a new business, timed to the last state written; the host's and the worker's CPU meanwhile.</summary>
    private static async Task<(double Rate, TimeSpan Scored, TimeSpan Polled, (TimeSpan Host, TimeSpan Worker) Cpu)> UploadAndScoreAsync(HttpClient client, AppHost app, Business business, string csv, CancellationToken cancellationToken)
    {
        var cpu = AppCpu(app);
        var uploaded = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await business.PostAsync(client, "text/csv", csv, cancellationToken);
        await business.WaitForScoredAsync(client, Profiles * ThroughputWeeks, null, cancellationToken);
        var polled = clock.Elapsed;
        var used = AppCpu(app);
        // Done when the last state was written (its updatedAt, this machine's clock), not when a poll every 500 ms saw it.
        var scored = await business.LastUpdateAsync(client, cancellationToken) - uploaded;
        return (Profiles * ThroughputWeeks / scored.TotalSeconds, scored, polled, (used.Host - cpu.Host, used.Worker - cpu.Worker));
    }

    /// <summary>CPU time of the host process and of the worker it runs now.</summary>
    private static (TimeSpan Host, TimeSpan Worker) AppCpu(AppHost app) =>
        (AppProcesses.CpuTime(app.ProcessId), AppProcesses.FindWorker(app.ProcessId) is { } worker ? AppProcesses.CpuTime(worker) : TimeSpan.Zero);

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
    /// Azurite's ceiling for the app's storage operations, measured by doing them without the app and without scoring, with
    /// payloads of the app's sizes and the app's own turns per profile: send every snapshot (16 at once, as ingest does)
    /// while taking them as the app's listener does; each stores its snapshot and waits for its profile's turn; a turn not
    /// covered by an earlier one reads the state (unless the profile's previous turn wrote it), then the history, merges
    /// scores into the rows that have none, reads the
    /// profile's health and writes its last activity if newer, and writes the state; then the message is deleted.
    /// </summary>
    private static async Task<ScoringRun> CeilingAsync(string connection, HostQueues listener, int snapshots, (int Snapshot, int Scores, int State) sizes, CancellationToken cancellationToken)
    {
        await using var services = SweepScenario.Services(Settings(connection));
        var operations = services.GetRequiredService<StorageOperations>();
        var tables = services.GetRequiredService<TableServiceClient>();
        var names = services.GetRequiredService<StorageNames>();
        var snapshotTable = tables.GetTableClient(names.Table("CeilingSnapshots"));
        var stateTable = tables.GetTableClient(names.Table("CeilingStates"));
        var healthTable = tables.GetTableClient(names.Table("CeilingHealth"));
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(names.Queue("ceiling-score"));
        await snapshotTable.CreateIfNotExistsAsync(cancellationToken);
        await stateTable.CreateIfNotExistsAsync(cancellationToken);
        await healthTable.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var padding = new string('s', sizes.Snapshot);
        var scoresJson = new string('c', sizes.Scores);
        var stateJson = new string('t', Math.Min(sizes.State, 30_000));
        var turns = new ProfileScoringTurns();
        var scoringTurns = 0;
        var before = operations.Total;
        var cpu = ProcessorTime(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        // In the upload's order (week by week, every profile), taken from the queue while it fills, as in the app.
        var sending = Parallel.ForEachAsync(Enumerable.Range(0, snapshots), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (n, ct) =>
            await queue.SendMessageAsync(Invariant($"{P(n % Profiles)}|{n / Profiles:00000}|{padding}"), ct));
        var draining = ListenerDrain.RunAsync(queue, listener, snapshots, async (message, ct) =>
        {
            var fields = message.Body.ToString().Split('|');
            var (profile, week) = (fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture));
            var rows = $"{profile}|";
            using var turn = turns.Join(new ProfileKey("b", profile));
            await snapshotTable.UpsertEntityAsync(new TableEntity("b", rows + fields[1]) { ["Snapshot"] = fields[2], ["Week"] = week }, TableUpdateMode.Replace, ct);
            turn.SnapshotStored();
            await turn.WaitAsync(ct);
            if (turn.IsCovered)
            {
                return;
            }

            Interlocked.Increment(ref scoringTurns);
            if (turn.Written is null)
            {
                await stateTable.GetEntityIfExistsAsync<TableEntity>("b", profile, cancellationToken: ct);
            }

            var storedBeforeRead = turn.StoredBeforeRead();
            var unscored = new List<string>();
            var latest = 0;
            await foreach (var period in snapshotTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"b"} and RowKey gt {rows} and RowKey lt {profile + "}"}"), select: ["Snapshot", "Week", "ScoresFingerprint"], cancellationToken: ct))
            {
                // Keys are not in a projection: the week says which row it is (the app reads it from the snapshot).
                var periodWeek = period.GetInt32("Week") ?? 0;
                latest = Math.Max(latest, periodWeek);
                if (period.GetString("ScoresFingerprint") is null)
                {
                    unscored.Add(Invariant($"{rows}{periodWeek:00000}"));
                }
            }

            foreach (var chunk in unscored.Chunk(100))
            {
                await snapshotTable.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("b", row) { ["Scores"] = scoresJson, ["ScoresFingerprint"] = "f" }, Azure.ETag.All)), ct);
            }

            var health = await healthTable.GetEntityIfExistsAsync<TableEntity>("b", profile, cancellationToken: ct);
            if (!health.HasValue || health.Value!.GetInt32("LastActivityWeek") < latest)
            {
                await healthTable.UpsertEntityAsync(new TableEntity("b", profile) { ["LastActivityWeek"] = latest }, TableUpdateMode.Replace, ct);
            }

            var written = await stateTable.UpsertEntityAsync(new TableEntity("b", profile) { ["Benchmarks"] = stateJson }, TableUpdateMode.Replace, ct);
            turn.Written = new WrittenState("f", written.Headers.ETag.ToString()!);
            turn.Completed(storedBeforeRead);
        }, cancellationToken);
        await sending;
        await draining;
        var run = new ScoringRun(snapshots / clock.Elapsed.TotalSeconds, PerSnapshot(operations, before, snapshots), scoringTurns, ProcessorTime(Environment.ProcessId) - cpu);
        await ForgetAsync(services, cancellationToken);
        return run;
    }

    /// <summary>
    /// The app's own services in this process (so their storage operations are counted) on the same upload: the CSV ingested
    /// as POST snapshots does, then scored by <see cref="SnapshotScoring"/> as the app's listener takes the messages.
    /// </summary>
    private static async Task<ScoringRun> InProcessAsync(string connection, HostQueues listener, string uploadedCsv, CancellationToken cancellationToken)
    {
        await using var services = SweepScenario.Services(Settings(connection));
        var operations = services.GetRequiredService<StorageOperations>();
        var profiles = services.GetRequiredService<ProfileService>();
        var businessId = "bench-scoring";
        var ids = new List<string>();
        for (var p = 0; p < Profiles; p++)
        {
            var handle = "p" + p.ToString(CultureInfo.InvariantCulture);
            ids.Add((await profiles.CreateAsync(businessId, new ProfileInput(Network.Instagram, "https://instagram.com/" + handle, handle), cancellationToken)).Value!.Id);
        }

        // The same rows as the upload through the host, under this business's profile ids.
        var csv = uploadedCsv;
        var uploadedIds = uploadedCsv.Split('\n').Skip(1).Take(Profiles).Select(row => row.Split(',')[0]).ToList();
        for (var p = 0; p < Profiles; p++)
        {
            csv = csv.Replace(uploadedIds[p], ids[p], StringComparison.Ordinal);
        }

        var scoring = services.GetRequiredService<SnapshotScoring>();
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().Queue(SnapshotQueue.QueueName));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var snapshots = csv.Count(c => c == '\n') - 1;
        var before = operations.Total;
        var split = (Tables: operations.Tables.Count, Queues: operations.Queues.Count);
        var cpu = ProcessorTime(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        using var upload = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var ingest = services.GetRequiredService<SnapshotIngest>().IngestCsvAsync(businessId, upload, cancellationToken);
        var draining = ListenerDrain.RunAsync(queue, listener, snapshots, (message, ct) => scoring.ScoreAsync(SnapshotQueue.Read(message.Body.ToString()), ct), cancellationToken);
        var accepted = await ingest;
        if (accepted.Value?.Count != snapshots)
        {
            throw new InvalidOperationException($"The in-process ingest took {accepted.Value?.Count} snapshots of {snapshots}.");
        }

        await draining;
        var run = new ScoringRun(snapshots / clock.Elapsed.TotalSeconds, PerSnapshot(operations, before, snapshots), null, ProcessorTime(Environment.ProcessId) - cpu)
        {
            TablesPerSnapshot = (operations.Tables.Count - split.Tables) / (double)snapshots,
            QueuesPerSnapshot = (operations.Queues.Count - split.Queues) / (double)snapshots,
        };
        await ForgetAsync(services, cancellationToken);
        return run;
    }
    private static string PerSnapshot(StorageOperations operations, long before, int snapshots) =>
        Invariant($"{(operations.Total - before) / (double)snapshots:0.00}");

    private static Dictionary<string, string?> Settings(string connection) => new()
    {
        ["AzureWebJobsStorage"] = connection,
        ["SocialWatch:Storage:Prefix"] = "score" + Guid.NewGuid().ToString("N")[..8],
        ["SocialWatch:Api:AdminKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["SocialWatch:SignInLinks:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["SocialWatch:Smtp:Host"] = "127.0.0.1",
    };

    private static string P(int profile) => profile.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>A run's figures: snapshots scored per second, storage operations per snapshot, turns that scored (when known), CPU time used.</summary>
    private sealed record ScoringRun(double Rate, string Operations, int? Turns, TimeSpan Cpu)
    {
        /// <summary>Of the operations, table and queue requests per snapshot (counted for the in-process run).</summary>
        public double TablesPerSnapshot { get; init; }

        public double QueuesPerSnapshot { get; init; }
    }

    /// <summary>
    /// Deletes the tables and queues a run made (under its own prefix), so that Azurite, which keeps everything in one Node
    /// process's memory, holds no more than before when the phases through the host go on.
    /// </summary>
    private static async Task ForgetAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var prefix = services.GetRequiredService<StorageNames>().Table(string.Empty);
        var tables = services.GetRequiredService<TableServiceClient>();
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}"), cancellationToken: cancellationToken))
        {
            await tables.DeleteTableAsync(table.Name, cancellationToken);
        }

        var queues = services.GetRequiredService<QueueServiceClient>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix, cancellationToken: cancellationToken))
        {
            await queues.DeleteQueueAsync(queue.Name, cancellationToken);
        }
    }

    private static TimeSpan ProcessorTime(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }

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

        /// <summary>When the latest of the business's benchmark states was written.</summary>
        public async Task<DateTimeOffset> LastUpdateAsync(HttpClient client, CancellationToken cancellationToken)
        {
            using var request = Request(HttpMethod.Get, "benchmarks");
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.GetProperty("profiles").EnumerateArray().Max(p => p.GetProperty("updatedAt").GetDateTimeOffset());
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

/// <summary>Scoring through the host (snapshots/s, upload to the last state written), its Azurite ceiling, and storage operations per snapshot counted in process.</summary>
internal sealed record ScoringFigures(double Rate, double Ceiling, double TablesPerSnapshot, double QueuesPerSnapshot);
