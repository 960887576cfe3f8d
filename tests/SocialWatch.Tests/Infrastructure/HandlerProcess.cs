using System.Diagnostics;
using System.Globalization;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The handler executable started the way the Functions host starts it: from its own folder, with FUNCTIONS_CUSTOMHANDLER_PORT
/// set, ready once GET / answers. The deployment package test and the benchmarks run the published handler through it.
/// </summary>
public sealed class HandlerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private readonly Process process;
    private readonly Stopwatch sinceStart;
    private readonly Queue<string> output = new();

    private HandlerProcess(Process process, Stopwatch sinceStart, int port)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the handler wrote, to explain a failure.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join(Environment.NewLine, output);
            }
        }
    }

    /// <summary>Starts <paramref name="executable"/> on a free port with <paramref name="settings"/> as environment variables.</summary>
    public static HandlerProcess Start(string executable, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The handler executable {executable} does not exist: run scripts/publish first.", executable);
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(executable)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The host sets this variable and calls http://127.0.0.1:{port}; the handler listens there instead of its own URLs.
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var sinceStart = Stopwatch.StartNew();
        var handler = new HandlerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{executable} could not be started."), sinceStart, port);
        handler.process.OutputDataReceived += (_, e) => handler.Keep(e.Data);
        handler.process.ErrorDataReceived += (_, e) => handler.Keep(e.Data);
        handler.process.BeginOutputReadLine();
        handler.process.BeginErrorReadLine();
        return handler;
    }

    /// <summary>Polls GET / as the host does until any HTTP answer; returns the time from process start to that answer.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The handler exited with code {process.ExitCode} before it answered GET /:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
                return sinceStart.Elapsed;
            }
            catch (HttpRequestException) when (sinceStart.Elapsed < timeout)
            {
                // Not listening yet.
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new TimeoutException($"The handler did not answer GET / within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}", e);
            }
        }
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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > KeptOutputLines)
            {
                output.Dequeue();
            }
        }
    }
}
