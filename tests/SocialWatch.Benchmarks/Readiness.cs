using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>Cold start as the Functions host sees it: from starting the handler process to its first answer on GET /.</summary>
internal static class Readiness
{
    /// <summary>The host allows 30 s; we aim far lower because cold starts are billed and delay the first request.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan HostBudget = TimeSpan.FromSeconds(30);

    public static async Task PrintAsync(string handler, IReadOnlyDictionary<string, string> settings, int runs, CancellationToken cancellationToken)
    {
        var readiness = (await MeasureAsync(handler, settings, runs, cancellationToken)).Order().ToArray();
        var median = LatencyReport.Percentile(readiness, 0.5);
        Console.WriteLine(Invariant($"Readiness: process start to first answer on GET /, custom-handler mode, {readiness.Length} runs"));
        Console.WriteLine(Invariant($"  min {Seconds(readiness[0])}   median {Seconds(median)}   max {Seconds(readiness[^1])}   target {Seconds(Target)}: {(readiness[^1] <= Target ? "met by every run" : median <= Target ? "met by the median, not by every run" : "MISSED")}"));
        Console.WriteLine();
    }

    private static async Task<IReadOnlyList<TimeSpan>> MeasureAsync(string handler, IReadOnlyDictionary<string, string> settings, int runs, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(runs);
        for (var run = 0; run < runs; run++)
        {
            await using var process = HandlerProcess.Start(handler, settings);
            times.Add(await process.WaitUntilReadyAsync(HostBudget, cancellationToken));
        }

        return times;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000 s", System.Globalization.CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
