using System.Globalization;
using System.Security.Cryptography;
using SocialWatch.Benchmarks;
using SocialWatch.Tests.Infrastructure;

// Prints SocialWatch's performance figures (scripts/bench publishes the handler first): readiness of the handler in
// custom-handler mode, the collectors' parse throughput and a collection sweep of 1,000 profiles against the politeness
// bound, HTTP latency under a fixed open-loop rate, and the dashboard's first render in Chromium (--only dashboard).
// Figures only: nothing here passes or fails on time.
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

const int Profiles = 50;
var adminKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
await using var azurite = await AzuriteServer.StartAsync(options.SeparateAzurite);
var settings = new Dictionary<string, string>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["SocialWatch__Api__AdminKey"] = adminKey,
    ["SocialWatch__SignInLinks__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    ["SocialWatch__Smtp__Host"] = "127.0.0.1",
    ["COLLECT_SCHEDULE"] = "0 0 * * * *",
    // One console line per request would cost more than some requests: log warnings and errors only.
    ["Logging__LogLevel__Default"] = "Warning",
};

Console.WriteLine(Invariant($"SocialWatch benchmarks on {Environment.ProcessorCount} cores, .NET {Environment.Version}; handler {options.Handler}; Azurite {(options.SeparateAzurite ? "as two processes (table, queue)" : "as one process")}"));
Console.WriteLine();

switch (options.Only)
{
    case BenchmarkPart.Sweep:
        await SweepScenario.RunAsync(options.SeparateAzurite, options.Handler, options.SweepProfiles, options.SweepHosts, stop.Token);
        return 0;
    case BenchmarkPart.Collection:
        await CollectionSweepScenario.PrintAsync(azurite.ConnectionString, stop.Token);
        return 0;
    case BenchmarkPart.Parse:
        await ParseThroughput.PrintAsync(stop.Token);
        return 0;
    case BenchmarkPart.Scoring:
        await ScoringScenario.RunAsync(options.Handler, settings, azurite, adminKey, options.LoadDuration, stop.Token);
        return 0;
    case BenchmarkPart.Dashboard:
        await DashboardScenario.RunAsync(options.Handler, settings, adminKey, stop.Token);
        return 0;
    case BenchmarkPart.Readiness:
        await Readiness.PrintAsync(options.Handler, settings, options.ReadinessRuns, stop.Token);
        return 0;
}

await SweepScenario.RunAsync(options.SeparateAzurite, options.Handler, options.SweepProfiles, options.SweepHosts, stop.Token);
Console.WriteLine();

await Readiness.PrintAsync(options.Handler, settings, options.ReadinessRuns, stop.Token);

await ParseThroughput.PrintAsync(stop.Token);
await CollectionSweepScenario.PrintAsync(azurite.ConnectionString, stop.Token);

await using var handler = HandlerProcess.Start(options.Handler, settings);
await handler.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), stop.Token);
using var client = new HttpClient { BaseAddress = handler.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

var (plan, missing) = await PlanScenario.SetUpAsync(client, adminKey, Profiles, stop.Token);
var load = new OpenLoopLoad(client, options.RequestsPerSecond, options.LoadDuration);
Console.WriteLine(Invariant($"HTTP latency: open loop at {options.RequestsPerSecond} requests/s for {options.LoadDuration.TotalSeconds:0} s each, timed from each request's scheduled send, loopback"));
// With the admin key, so that the baseline passes the same key check as every other /api call.
var health = await load.RunAsync(() => PlanScenario.Request(HttpMethod.Get, "api/health", adminKey), stop.Token);
Print("GET /api/health", health);
if (plan is null)
{
    Console.WriteLine(Invariant($"  GET /{PlanScenario.PlanPath}: not measured, the plan API is not there yet ({missing})."));
    return health.Errors == health.Requests ? 1 : 0;
}

var planLatency = await load.RunAsync(plan.GetPlan, stop.Token);
Print(Invariant($"GET /{PlanScenario.PlanPath} ({Profiles} profiles)"), planLatency);
Console.WriteLine(Invariant($"  plan / health: p50 x{planLatency.P50 / health.P50:0.0}, p99 x{planLatency.P99 / health.P99:0.0}"));
Console.WriteLine();

await ScoringScenario.RunAsync(options.Handler, settings, azurite, adminKey, options.LoadDuration, stop.Token);
await DashboardScenario.RunAsync(options.Handler, settings, adminKey, stop.Token);
return health.Errors == health.Requests || planLatency.Errors == planLatency.Requests ? 1 : 0;

static void Print(string name, LatencyReport report)
{
    Console.WriteLine(Invariant($"  {name,-58} p50 {Milliseconds(report.P50)}   p99 {Milliseconds(report.P99)}   max {Milliseconds(report.Max)}   {report.Requests} requests, {report.Errors} errors, generator lag max {Milliseconds(report.MaxSendLag)}"));
    if (report.FirstError is { } error)
    {
        Console.WriteLine(Invariant($"    first error: {error}"));
    }
}

static string Milliseconds(TimeSpan time) => Invariant($"{time.TotalMilliseconds,7:0.00} ms");

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
