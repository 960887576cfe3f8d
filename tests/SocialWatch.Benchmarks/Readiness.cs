using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>Cold start as the Functions host sees it: from starting the handler process to its first answer on GET /.</summary>
internal static class Readiness
{
    /// <summary>The host allows 30 s; we aim far lower because cold starts are billed and delay the first request.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(1.5);

    private static readonly TimeSpan HostBudget = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<TimeSpan>> MeasureAsync(string handler, IReadOnlyDictionary<string, string> settings, int runs, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(runs);
        for (var run = 0; run < runs; run++)
        {
            await using var process = HandlerProcess.Start(handler, settings);
            times.Add(await process.WaitUntilReadyAsync(HostBudget, cancellationToken));
        }

        return times;
    }
}
