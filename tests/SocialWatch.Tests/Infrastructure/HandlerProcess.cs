using System.Diagnostics;
using System.Globalization;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The handler executable started the way the Functions host starts it: from its own folder, with FUNCTIONS_CUSTOMHANDLER_PORT
/// set, ready once GET / answers; or in local mode (its own timers and queue listeners) on a free port. The deployment package
/// test and the benchmarks run the published handler through it.
/// </summary>
public sealed class HandlerProcess : IAsyncDisposable
{
    // A benchmark's handler logs for minutes: keep only the tail, to explain a failure.
    private const int KeptOutputLines = 200;
    private readonly ChildProcess process;

    private HandlerProcess(ChildProcess process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the handler wrote, to explain a failure.</summary>
    public string Output => process.Output;

    /// <summary>The process id (to read its memory from /proc).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts <paramref name="executable"/> in custom-handler mode on a free port with <paramref name="settings"/> as environment variables.</summary>
    public static HandlerProcess Start(string executable, IReadOnlyDictionary<string, string> settings) => Start(executable, settings, local: false);

    /// <summary>Starts <paramref name="executable"/> in local mode (it fires its own timers and queue listeners) on a free port.</summary>
    public static HandlerProcess StartLocal(string executable, IReadOnlyDictionary<string, string> settings) => Start(executable, settings, local: true);

    private static HandlerProcess Start(string executable, IReadOnlyDictionary<string, string> settings, bool local)
    {
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"The handler executable {executable} does not exist: run scripts/publish first.", executable);
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(executable)) };

        // The host sets this variable and calls http://127.0.0.1:{port}; the handler listens there instead of its own URLs.
        // Without it, the handler runs in local mode at ASPNETCORE_URLS.
        start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
        start.Environment.Remove("ASPNETCORE_URLS");
        if (local)
        {
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        }
        else
        {
            start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return new HandlerProcess(ChildProcess.Start(start, KeptOutputLines), port);
    }

    /// <summary>Polls GET / as the host does until any HTTP answer; returns the time from process start to that answer.</summary>
    public Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        process.WaitUntilAnswersAsync(BaseAddress, timeout, cancellationToken);

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
