using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SocialWatch.Collectors;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>What this run measured that the cost model uses; a part not run leaves its figure null.</summary>
internal sealed class RunFigures
{
    public SweepFigures? Sweep { get; set; }

    public CollectionFigures? Collection { get; set; }

    public ScoringFigures? Scoring { get; set; }

    public TimerFigures? Timers { get; set; }
}

/// <summary>Median duration of each timer function's run on an empty app, as the host timed its invocation.</summary>
internal sealed record TimerFigures(IReadOnlyDictionary<string, TimeSpan> Durations, int Runs);

/// <summary>A published price, or a missing one (null) with the reason.</summary>
internal sealed record Price(string What, decimal? Usd, string Unit, string Source);

/// <summary>
/// What a profile costs a month on Flex Consumption and Azure Storage at the default schedules, from this run's figures:
/// executions, GB-seconds and storage operations per profile, then per 1,000 profiles with the app's fixed timer runs.
/// </summary>
internal static partial class CostModel
{
    public const string SweepSchedule = "0 0 */6 * * *";
    public const string CollectSchedule = "0 0 * * * *";
    public const string AuditSchedule = "0 30 3 * * *";
    public const string OutboxSchedule = "0 */2 * * * *";

    private const double DaysPerMonth = 30;
    private const double TargetPerThousand = 0.50;
    private const int TimerRuns = 5;
    /// <summary>A schedule that does not come round during a run (midnight on 1 January).</summary>
    public const string Never = "0 0 0 1 1 *";

    /// <summary>The custom handler's self-contained package before the move (issue 14, last recorded; not built here any more).</summary>
    private const double CustomHandlerPackageMegabytes = 55;

    /// <summary>The timers that run whatever the number of profiles, with their runs per month at the default schedules.</summary>
    private static readonly (string Function, string Schedule, double PerMonth)[] FixedTimers =
    [
        ("SweepOutbox", OutboxSchedule, DaysPerMonth * 24 * 30),
        ("SweepCollections", CollectSchedule, DaysPerMonth * 24),
        ("AuditWebsites", AuditSchedule, DaysPerMonth),
    ];

    // Prices looked up with the search tool on 2026-12-08. Only what a source states; a missing one stays null and the
    // output says so and prints the formula.
    private static readonly Price FlexGbSecond = new(
        "Flex Consumption, on demand: execution time", 0.000026m, "GB-s",
        "modal.com/blog/azure-function-pricing-guide, 2025-05-22 (East US; free grant per subscription not applied)");

    private static readonly Price FlexExecutions = new(
        "Flex Consumption, on demand: executions", null, "million executions",
        "MISSING: the search tool's corpora hold no page stating it (the cited page's figure is cut off)");

    private static readonly Price TableTransactions = new(
        "Table Storage transactions", null, "10,000 transactions",
        "MISSING: no page in the search tool's corpora states it");

    private static readonly Price QueueOperations = new(
        "Queue Storage operations", null, "10,000 operations",
        "MISSING: no page in the search tool's corpora states it");

    /// <summary>The deployment package scripts/publish made beside the worker folder, against the custom handler's.</summary>
    public static string PackageLine(BenchmarkOptions options)
    {
        var zip = Path.Combine(Path.GetDirectoryName(options.Worker.TrimEnd(Path.DirectorySeparatorChar))!, "socialwatch.zip");
        return File.Exists(zip)
            ? Invariant($"Deployment package: {zip}: {new FileInfo(zip).Length / 1048576.0:0.0} MB (framework-dependent dotnet-isolated worker, functions.metadata and .azurefunctions/ at its root); last recorded, not built here: the custom handler's self-contained package, {CustomHandlerPackageMegabytes:0} MB")
            : Invariant($"Deployment package: {zip} is not there (scripts/publish makes it); last recorded: the custom handler's self-contained package, {CustomHandlerPackageMegabytes:0} MB");
    }

    /// <summary>
    /// Each fixed timer run <see cref="TimerRuns"/> times through the host's admin endpoint on an app with no data (its own
    /// storage prefix), timed by the host's own "Executed" line: what a run that finds nothing to do costs.
    /// </summary>
    public static async Task<TimerFigures> MeasureTimersAsync(BenchmarkOptions options, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var quiet = new Dictionary<string, string?>(settings)
        {
            ["SocialWatch:Storage:Prefix"] = "cost" + Guid.NewGuid().ToString("N")[..8],
            ["SWEEP_SCHEDULE"] = Never,
            ["COLLECT_SCHEDULE"] = Never,
            ["AUDIT_SCHEDULE"] = Never,
            ["OUTBOX_SCHEDULE"] = Never,
            ["Logging:LogLevel:SocialWatch.Host.Worker.WorkerFunctionInvoker"] = "Information",
        };
        await using var app = await AppHost.StartAsync(quiet, workerDirectory: options.Worker, hostAssembly: options.Host);
        var durations = new Dictionary<string, TimeSpan>();
        foreach (var (function, _, _) in FixedTimers)
        {
            var runs = new List<TimeSpan>();
            // One more than measured: the first run of each pays for its code's first compilation and first connections.
            for (var run = 0; run <= TimerRuns; run++)
            {
                var before = Executions(app.Output, function).Count;
                using (var response = await app.Client.PostAsync($"admin/functions/{function}", new StringContent("{\"input\":\"\"}", Encoding.UTF8, "application/json"), cancellationToken))
                {
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        throw new InvalidOperationException($"POST /admin/functions/{function} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }

                await Eventually.TrueAsync(() => Executions(app.Output, function).Count > before, $"the host's line for the run of {function}", TimeSpan.FromSeconds(60));
                if (run > 0)
                {
                    runs.Add(Executions(app.Output, function)[^1]);
                }
            }

            durations[function] = LatencyReport.Percentile(runs.Order().ToArray(), 0.5);
        }

        Console.WriteLine(Invariant($"Fixed timers, each run {TimerRuns} times (after one unmeasured) through POST /admin/functions/{{name}} on an app with no data, duration as the host times the invocation: {string.Join(", ", durations.Select(d => Invariant($"{d.Key} median {d.Value.TotalMilliseconds:0} ms")))}"));
        Console.WriteLine();
        return new TimerFigures(durations, TimerRuns);
    }

    public static void Print(BenchmarkOptions options, RunFigures figures)
    {
        var memoryGb = InstanceMemoryMegabytes() / 1024.0;
        var collectEvery = new CollectorOptions().CollectEvery;
        var checksPerMonth = DaysPerMonth * 24 / 6;
        var collectionsPerMonth = DaysPerMonth * 24 / collectEvery.TotalHours;
        var snapshotsPerMonth = DaysPerMonth / 7;
        Console.WriteLine(Invariant($"Cost per profile and month ({DaysPerMonth:0} days) at the default schedules: SWEEP_SCHEDULE '{SweepSchedule}', COLLECT_SCHEDULE '{CollectSchedule}' (a profile is collected when due, every {collectEvery.TotalHours:0} h), AUDIT_SCHEDULE '{AuditSchedule}', OUTBOX_SCHEDULE '{OutboxSchedule}'"));
        Console.WriteLine(Invariant($"  Flex Consumption bills an on-demand instance's provisioned memory ({InstanceMemoryMegabytes()} MB: infra/main.bicep's instanceMemoryMB) while it executes, concurrent executions sharing that time;"));
        Console.WriteLine(Invariant($"  GB-s below = {memoryGb:0.##} GB x this run's busy time per item at one instance's concurrency (host.json batchSize + newBatchThreshold), on loopback sources"));
        Console.WriteLine("    per profile                   runs/month  busy s/run  GB-s/month  table ops/run  queue ops/run  storage ops/month  from");
        var rows = new (string Name, double Runs, double? Seconds, double? Tables, double? Queues, string From)[]
        {
            ("CheckProfile (each sweep)", checksPerMonth, figures.Sweep is { } s ? s.Seconds / s.Checked : null, figures.Sweep?.TablePerCheck, figures.Sweep?.QueuePerCheck,
                figures.Sweep is null ? "sweep not run, or it failed" : figures.Sweep.TablePerCheck is null ? "sweep through the host (time, fan-out included); ops not counted (the in-process sweep failed)" : "sweep through the host (time, fan-out included); ops counted in process (first sweep: every dead profile a transition)"),
            (Invariant($"CollectProfile (every {collectEvery.TotalHours:0} h)"), collectionsPerMonth, figures.Collection is { } c ? 1 / c.Rate : null, figures.Collection?.TablesPerCollection, figures.Collection?.QueuesPerCollection,
                figures.Collection is null ? "collection not run, or it failed" : "collection sweep in process, sources at 100 ms (time and ops); a profile that has a collector"),
            ("ScoreSnapshot (each week)", snapshotsPerMonth, figures.Scoring is { } r ? 1 / r.Rate : null, figures.Scoring?.TablesPerSnapshot, figures.Scoring?.QueuesPerSnapshot,
                figures.Scoring is null ? "scoring not run, or it failed" : "scoring through the host (time); ops counted in process (same upload)"),
        };
        double executions = 0, gbSeconds = 0, tables = 0, queues = 0;
        var complete = true;
        foreach (var (name, runs, seconds, table, queue, from) in rows)
        {
            executions += runs;
            gbSeconds += runs * (seconds ?? 0) * memoryGb;
            tables += runs * (table ?? 0);
            queues += runs * (queue ?? 0);
            complete &= seconds is not null && table is not null;
            Console.WriteLine(Invariant($"    {name,-29} {runs,10:0.0}  {Value(seconds, "0.0000"),10}  {Value(seconds * runs * memoryGb, "0.000"),10}  {Value(table, "0.00"),13}  {Value(queue, "0.00"),13}  {Value((table + queue) * runs, "0"),17}  {from}"));
        }

        Console.WriteLine(Invariant($"    {"total per profile",-29} {executions,10:0.0}  {string.Empty,10}  {gbSeconds,10:0.000}  {string.Empty,13}  {string.Empty,13}  {tables + queues,17:0}{(complete ? string.Empty : "  (parts missing: see 'from')")}"));

        double fixedExecutions = checksPerMonth, fixedGbSeconds = 0;
        var timers = new List<string> { Invariant($"SweepProfiles {checksPerMonth:0} runs (time in CheckProfile's above)") };
        foreach (var (function, _, perMonth) in FixedTimers)
        {
            fixedExecutions += perMonth;
            var duration = figures.Timers?.Durations.GetValueOrDefault(function);
            fixedGbSeconds += perMonth * (duration?.TotalSeconds ?? 0) * memoryGb;
            timers.Add(Invariant($"{function} {perMonth:0} x {(duration is { } d ? Invariant($"{d.TotalMilliseconds:0} ms") : "not measured")}"));
        }

        Console.WriteLine(Invariant($"  per app, whatever its size: {fixedExecutions:N0} timer executions, {fixedGbSeconds:N0} GB-s ({string.Join("; ", timers)}); their storage operations not counted"));

        const int Profiles = 1000;
        var totalExecutions = (Profiles * executions) + fixedExecutions;
        var totalGbSeconds = (Profiles * gbSeconds) + fixedGbSeconds;
        Console.WriteLine(Invariant($"  per {Profiles:N0} profiles (one app): {totalExecutions:N0} executions, {totalGbSeconds:N0} GB-s, {Profiles * tables:N0} table + {Profiles * queues:N0} queue operations a month"));
        Console.WriteLine("  prices (pay-as-you-go, before the free grants, which are per subscription):");
        var prices = new[] { FlexGbSecond, FlexExecutions, TableTransactions, QueueOperations };
        foreach (var price in prices)
        {
            Console.WriteLine(Invariant($"    {price.What}: {(price.Usd is { } usd ? Invariant($"${usd} per {price.Unit}") : "-")}; {price.Source}"));
        }

        decimal? Cost(double quantity, double per, Price price) => price.Usd * (decimal)(quantity / per);
        var parts = new[]
        {
            (Quantity: Invariant($"{totalGbSeconds:0} GB-s"), Cost: Cost(totalGbSeconds, 1, FlexGbSecond), Price: FlexGbSecond),
            (Quantity: Invariant($"{totalExecutions / 1e6:0.000} million executions"), Cost: Cost(totalExecutions, 1e6, FlexExecutions), Price: FlexExecutions),
            (Quantity: Invariant($"{Profiles * tables / 1e4:0.0} x 10,000 table transactions"), Cost: Cost(Profiles * tables, 1e4, TableTransactions), Price: TableTransactions),
            (Quantity: Invariant($"{Profiles * queues / 1e4:0.0} x 10,000 queue operations"), Cost: Cost(Profiles * queues, 1e4, QueueOperations), Price: QueueOperations),
        };
        Console.WriteLine(Invariant($"  monthly cost per {Profiles:N0} profiles = {string.Join(" + ", parts.Select(p => Invariant($"{p.Quantity} x {(p.Price.Usd is { } usd ? Invariant($"${usd}") : $"[{p.Price.What} price]")}")))}"));
        var known = parts.Where(p => p.Cost is not null).Sum(p => p.Cost!.Value);
        var missing = parts.Where(p => p.Cost is null).Select(p => p.Price.What).ToArray();
        Console.WriteLine(missing.Length == 0
            ? Invariant($"    = ${known:0.000} (target <= ${TargetPerThousand:0.00}: {(known <= (decimal)TargetPerThousand ? "met" : "MISSED")})")
            : Invariant($"    priced parts: ${known:0.000} ({string.Join(", ", parts.Where(p => p.Cost is not null).Select(p => Invariant($"{p.Price.What} ${p.Cost:0.000}")))}); no total, the price of {string.Join(", ", missing)} is missing (target <= ${TargetPerThousand:0.00})"));
        var queueTriggers = QueueTriggerCount(options);
        // A per-execution minimum, if the meter applied one to each execution on its own, would outweigh the busy time above.
        var perExecutionFloor = totalExecutions * 1.0 * memoryGb;
        Console.WriteLine(Invariant($"  caveat: a Microsoft Q&A question (learn.microsoft.com/en-us/answers/a/12389275, 2025-11-26) refers to a 1,000 ms minimum execution charge on Flex Consumption; if it were applied to each"));
        Console.WriteLine(Invariant($"  execution on its own (not to the instance's shared busy time), execution time would be at least {totalExecutions:N0} x 1 s x {memoryGb:0.##} GB = {perExecutionFloor:N0} GB-s = ${(decimal)perExecutionFloor * FlexGbSecond.Usd!.Value:0.00} per {Profiles:N0} profiles; not verified here"));
        Console.WriteLine("  left out: DispatchEmail (only on a health change), AuditWebsite (per business website, daily: not measured here), ResumeHeldChecks and ContinueSweep");
        Console.WriteLine(Invariant($"  (none in these runs), HTTP API calls (per user, not per profile), the timers' storage operations, the host's idle queue polling ({queueTriggers} queue triggers polled"));
        Console.WriteLine(Invariant($"  up to every {MaxPollingInterval().TotalSeconds:0} s, host.json's maxPollingInterval: up to {queueTriggers * DaysPerMonth * 86400 / MaxPollingInterval().TotalSeconds:N0} queue operations a month while an instance stays up), storage capacity,"));
        Console.WriteLine("  Application Insights, and real sites' latency (checks and collections on the internet stay busy longer than on loopback).");
        Console.WriteLine();
    }

    /// <summary>How many functions have a queue trigger, from the worker's functions.metadata.</summary>
    private static int QueueTriggerCount(BenchmarkOptions options)
    {
        using var metadata = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(options.Worker, "functions.metadata")));
        return metadata.RootElement.EnumerateArray().Count(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "queueTrigger"));
    }

    private static TimeSpan MaxPollingInterval()
    {
        var match = MaxPollingIntervalSetting().Match(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        return match.Success ? TimeSpan.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(1);
    }

    private static int InstanceMemoryMegabytes()
    {
        var match = InstanceMemoryParameter().Match(File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep")));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 2048;
    }

    /// <summary>The durations of the host's "Executed 'Functions.{name}' (Succeeded, …, Duration=…ms)" lines, in order.</summary>
    private static List<TimeSpan> Executions(string output, string function) =>
        ExecutedLine().Matches(output).Where(m => m.Groups["name"].Value == function && m.Groups["status"].Value == "Succeeded")
            .Select(m => TimeSpan.FromMilliseconds(int.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture))).ToList();

    private static string Value(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Executed 'Functions\.(?<name>\w+)' \((?<status>\w+), Id=[^,]+, Duration=(?<ms>\d+)ms\)")]
    private static partial Regex ExecutedLine();

    [GeneratedRegex(@"param instanceMemoryMB int = (\d+)")]
    private static partial Regex InstanceMemoryParameter();

    [GeneratedRegex("\"maxPollingInterval\"\\s*:\\s*\"([0-9:.]+)\"")]
    private static partial Regex MaxPollingIntervalSetting();
}
