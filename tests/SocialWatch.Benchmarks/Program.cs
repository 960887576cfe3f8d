using System.Globalization;
using System.Security.Cryptography;
using SocialWatch.Benchmarks;
using SocialWatch.Tests.Infrastructure;

// Prints SocialWatch's performance figures (scripts/bench publishes the worker and builds the local host first): readiness
// of the local host with the published worker, the collectors' parse throughput and a collection sweep of 1,000 profiles
// against the politeness bound, a sweep of 10,000 profiles through the host, HTTP latency through the host under a fixed
// open-loop rate, engagement scoring, the dashboard's first render in Chromium, the deployment package and what a profile
// costs a month. Figures only: nothing here passes or fails on time.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var adminKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
await using var azurite = await AzuriteServer.StartAsync(options.SeparateAzurite);
// The app settings (configuration form; AppHost passes them as Section__Key environment variables to the host, which passes
// its environment on to the worker).
var settings = new Dictionary<string, string?>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["SocialWatch:Api:AdminKey"] = adminKey,
    ["SocialWatch:SignInLinks:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    ["SocialWatch:Smtp:Host"] = "127.0.0.1",
    // The timers take their schedules from app settings (%SWEEP_SCHEDULE% ...): the defaults infra/ sets in Azure, except the
    // sweep and the audit, which would send requests to the real sites the benchmark's profiles and websites name.
    ["SWEEP_SCHEDULE"] = CostModel.Never,
    ["COLLECT_SCHEDULE"] = CostModel.CollectSchedule,
    ["AUDIT_SCHEDULE"] = CostModel.Never,
    ["OUTBOX_SCHEDULE"] = CostModel.OutboxSchedule,
    // One console line per request or invocation would cost more than some requests: warnings and errors only, host and worker.
    ["Logging:LogLevel:Default"] = "Warning",
};

Console.WriteLine(Invariant($"SocialWatch benchmarks on {Environment.ProcessorCount} cores (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}), .NET {Environment.Version}; worker {options.Worker} started by the local host {options.Host}; Azurite {(options.SeparateAzurite ? "as two processes (table, queue)" : "as one process")}"));
Console.WriteLine(CostModel.PackageLine(options));
Console.WriteLine();

var figures = new RunFigures();
switch (options.Only)
{
    case BenchmarkPart.Sweep:
        // With the cost model's sweep row (the other rows say they were not run).
        figures.Sweep = await SweepScenario.RunAsync(options, stop.Token);
        Console.WriteLine();
        CostModel.Print(options, figures);
        return 0;
    case BenchmarkPart.Collection:
        await CollectionSweepScenario.PrintAsync(azurite.ConnectionString, stop.Token);
        return 0;
    case BenchmarkPart.Parse:
        await ParseThroughput.PrintAsync(stop.Token);
        return 0;
    case BenchmarkPart.Scoring:
        await ScoringScenario.RunAsync(options, settings, azurite, adminKey, stop.Token);
        return 0;
    case BenchmarkPart.Dashboard:
        await DashboardScenario.RunAsync(options, settings, adminKey, stop.Token);
        return 0;
    case BenchmarkPart.Readiness:
        await Readiness.PrintAsync(options, settings, options.ReadinessRuns, stop.Token);
        return 0;
    case BenchmarkPart.Http:
        return await HttpLatency.RunAsync(options, settings, adminKey, stop.Token) is { Failed: false } ? 0 : 1;
    case BenchmarkPart.Cost:
        figures.Timers = await CostModel.MeasureTimersAsync(options, settings, stop.Token);
        CostModel.Print(options, figures);
        return 0;
}

// The whole run: a part that fails says why and the others still run (each starts its own app).
figures.Sweep = await PartAsync("Profile sweep", () => SweepScenario.RunAsync(options, stop.Token));
Console.WriteLine();

await PartAsync("Readiness", async () => { await Readiness.PrintAsync(options, settings, options.ReadinessRuns, stop.Token); return string.Empty; });

await PartAsync("Parse throughput", async () => { await ParseThroughput.PrintAsync(stop.Token); return string.Empty; });
figures.Collection = await PartAsync("Collection sweep", () => CollectionSweepScenario.PrintAsync(azurite.ConnectionString, stop.Token));

var http = await PartAsync("HTTP latency", () => HttpLatency.RunAsync(options, settings, adminKey, stop.Token));

figures.Scoring = await PartAsync("Engagement scoring", () => ScoringScenario.RunAsync(options, settings, azurite, adminKey, stop.Token));
await PartAsync("Dashboard first render", async () => { await DashboardScenario.RunAsync(options, settings, adminKey, stop.Token); return string.Empty; });

figures.Timers = await PartAsync("Fixed timers", () => CostModel.MeasureTimersAsync(options, settings, stop.Token));
CostModel.Print(options, figures);
return http is null or { Failed: true } ? 1 : 0;

async Task<T?> PartAsync<T>(string name, Func<Task<T>> run)
    where T : class?
{
    try
    {
        return await run();
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        Console.WriteLine(Invariant($"{name}: not measured, it failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}"));
        Console.WriteLine();
        return null;
    }
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
