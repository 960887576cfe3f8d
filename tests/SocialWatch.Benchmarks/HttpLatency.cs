using System.Globalization;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>
/// HTTP latency through the local host at a fixed open-loop rate: GET plan of a business with 50 profiles against GET
/// /api/health, both forwarded by the host to the worker's HttpUri with an InvocationRequest each, so the ratio is what the
/// plan's own work costs on top of the same path.
/// </summary>
internal static class HttpLatency
{
    public const int Profiles = 50;
    private const double RatioTarget = 2;

    /// <returns>The figures, or null when a part could not be measured.</returns>
    public static async Task<HttpFigures?> RunAsync(BenchmarkOptions options, IReadOnlyDictionary<string, string?> settings, string adminKey, CancellationToken cancellationToken)
    {
        await using var app = await AppHost.StartAsync(settings, workerDirectory: options.Worker, hostAssembly: options.Host);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var (plan, missing) = await PlanScenario.SetUpAsync(client, adminKey, Profiles, cancellationToken);
        var load = new OpenLoopLoad(client, options.RequestsPerSecond, options.LoadDuration);
        Console.WriteLine(Invariant($"HTTP latency through the local host (host front door -> YARP forwarder -> the worker's ASP.NET Core integration, one InvocationRequest per request over gRPC): open loop at {options.RequestsPerSecond} requests/s for {options.LoadDuration.TotalSeconds:0} s each, timed from each request's scheduled send, loopback"));
        // With the admin key, so that the baseline passes the same key check (worker middleware) as every other /api call.
        var health = await load.RunAsync(() => PlanScenario.Request(HttpMethod.Get, "api/health", adminKey), cancellationToken);
        Print("GET /api/health (baseline, same host)", health);
        if (plan is null)
        {
            Console.WriteLine(Invariant($"  GET /{PlanScenario.PlanPath}: not measured, the plan API is not there ({missing})."));
            Console.WriteLine();
            return null;
        }

        var cpu = (Host: AppProcesses.CpuTime(app.ProcessId), Worker: AppProcesses.FindWorker(app.ProcessId) is { } worker ? AppProcesses.CpuTime(worker) : TimeSpan.Zero);
        var planLatency = await load.RunAsync(plan.GetPlan, cancellationToken);
        var used = (Host: AppProcesses.CpuTime(app.ProcessId) - cpu.Host, Worker: AppProcesses.FindWorker(app.ProcessId) is { } after ? AppProcesses.CpuTime(after) - cpu.Worker : TimeSpan.Zero);
        Print(Invariant($"GET /{PlanScenario.PlanPath} ({Profiles} profiles)"), planLatency);
        var p50 = planLatency.P50 / health.P50;
        var p99 = planLatency.P99 / health.P99;
        Console.WriteLine(Invariant($"  plan / health: p50 x{p50:0.0}, p99 x{p99:0.0} (target <= {RatioTarget:0}: {(p50 <= RatioTarget && p99 <= RatioTarget ? "met" : p50 <= RatioTarget ? "met at p50, not at p99" : "MISSED")})"));
        var requests = planLatency.Requests + (int)(options.RequestsPerSecond * 2.0);
        Console.WriteLine(Invariant($"  CPU per GET plan (warm-up included): host {Ms(used.Host / requests)}, worker {Ms(used.Worker / requests)}"));
        Console.WriteLine("  Not measured: the same request sent straight to the worker's HttpUri. With the ASP.NET Core integration the worker answers only a");
        Console.WriteLine("  request that a host invocation pairs with it by x-ms-invocation-id (without the InvocationRequest it waits 15 s for the function");
        Console.WriteLine("  to start, then fails), so there is no host-less path to time; GET health through the same host is the baseline instead.");
        Console.WriteLine();
        return new HttpFigures(health, planLatency);
    }

    private static void Print(string name, LatencyReport report)
    {
        Console.WriteLine(Invariant($"  {name,-58} p50 {Ms(report.P50)}   p99 {Ms(report.P99)}   max {Ms(report.Max)}   {report.Requests} requests, {report.Errors} errors, generator lag max {Ms(report.MaxSendLag)}"));
        if (report.FirstError is { } error)
        {
            Console.WriteLine(Invariant($"    first error: {error}"));
        }
    }

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds,7:0.00} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed record HttpFigures(LatencyReport Health, LatencyReport Plan)
{
    public bool Failed => Health.Errors == Health.Requests || Plan.Errors == Plan.Requests;
}
