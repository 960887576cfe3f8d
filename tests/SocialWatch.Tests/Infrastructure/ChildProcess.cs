using System.Diagnostics;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A process the tests or benchmarks start (Azurite, maildev, the handler): its output captured, its start time kept,
/// and its whole tree killed on dispose so nothing outlives the run.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly CapturedOutput output;
    private readonly Stopwatch sinceStart;

    private ChildProcess(Process process, CapturedOutput output, Stopwatch sinceStart)
    {
        this.process = process;
        this.output = output;
        this.sinceStart = sinceStart;
    }

    public string Output => output.Text;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public TimeSpan SinceStart => sinceStart.Elapsed;

    public int Id => process.Id;

    /// <summary>Starts <paramref name="start"/> with both output streams captured.</summary>
    public static ChildProcess Start(ProcessStartInfo start, int keptOutputLines = 10_000)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} could not be started.");
        var output = new CapturedOutput(keptOutputLines);
        output.Attach(process);
        return new ChildProcess(process, output, sinceStart);
    }

    /// <summary>Polls <paramref name="url"/> (as the Functions host polls GET /) until any HTTP answer; returns the time since start.</summary>
    public async Task<TimeSpan> WaitUntilAnswersAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with code {process.ExitCode} before it answered {url}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                return sinceStart.Elapsed;
            }
            catch (HttpRequestException) when (sinceStart.Elapsed < timeout)
            {
                // Not listening yet.
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new TimeoutException($"{process.StartInfo.FileName} did not answer {url} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}", e);
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
