using System.Diagnostics;
using System.Net;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Sends requests at a fixed rate whatever the server does (open loop), and times each one from its scheduled send time,
/// so a slow response delays no later request and a stall shows in the figures (no coordinated omission).
/// </summary>
internal sealed class OpenLoopLoad(HttpClient client, int requestsPerSecond, TimeSpan duration)
{
    public int RequestsPerSecond => requestsPerSecond;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public async Task<LatencyReport> RunAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        await SendAllAsync(request, WarmUp, cancellationToken);
        return LatencyReport.From(await SendAllAsync(request, duration, cancellationToken));
    }

    private async Task<RequestOutcome[]> SendAllAsync(Func<HttpRequestMessage> request, TimeSpan period, CancellationToken cancellationToken)
    {
        var count = (int)(requestsPerSecond * period.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        var sends = new Task<RequestOutcome>[count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var scheduled = interval * i;
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            sends[i] = SendAsync(request(), scheduled, clock, cancellationToken);
        }

        return await Task.WhenAll(sends);
    }

    private async Task<RequestOutcome> SendAsync(HttpRequestMessage request, TimeSpan scheduled, Stopwatch clock, CancellationToken cancellationToken)
    {
        // How late the generator itself sent this request: if this grows, the figures measure the client, not the server.
        var sendLag = clock.Elapsed - scheduled;
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                return new RequestOutcome(clock.Elapsed - scheduled, sendLag, response.StatusCode);
            }
            catch (HttpRequestException e)
            {
                return new RequestOutcome(clock.Elapsed - scheduled, sendLag, null, e.Message);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                return new RequestOutcome(clock.Elapsed - scheduled, sendLag, null, "timed out: " + e.Message);
            }
        }
    }
}

internal sealed record RequestOutcome(TimeSpan Latency, TimeSpan SendLag, HttpStatusCode? Status, string? Failure = null)
{
    /// <summary>A 2xx, or 304 to a conditional GET (the client's copy is current: the answer it asked for).</summary>
    public bool Succeeded => Status is { } status && ((int)status is >= 200 and < 300 || status == HttpStatusCode.NotModified);
}

/// <summary>Latency percentiles over every request sent (failures included, they are counted apart as errors).</summary>
internal sealed record LatencyReport(int Requests, int Errors, string? FirstError, TimeSpan P50, TimeSpan P99, TimeSpan Max, TimeSpan MaxSendLag)
{
    public static LatencyReport From(IReadOnlyList<RequestOutcome> outcomes)
    {
        var sorted = outcomes.Select(o => o.Latency).Order().ToArray();
        var failed = outcomes.Where(o => !o.Succeeded).ToArray();
        var firstError = failed.Select(o => o.Failure ?? $"HTTP {(int)o.Status!.Value} {o.Status}").FirstOrDefault();
        return new LatencyReport(outcomes.Count, failed.Length, firstError, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], outcomes.Max(o => o.SendLag));
    }

    /// <summary>Nearest rank: the smallest latency that at least <paramref name="fraction"/> of the requests did not exceed.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
