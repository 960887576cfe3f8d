using System.Globalization;

namespace SocialWatch.Benchmarks;

/// <summary>
/// The two processes of the app as the local host runs it, read from /proc: the host (the process AppHost started) and the
/// worker, its child started from worker.config.json (<c>dotnet SocialWatch.Functions.dll …</c>).
/// </summary>
internal static class AppProcesses
{
    public const string WorkerAssembly = "SocialWatch.Functions.dll";

    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on Linux x86-64 and arm64.

    /// <summary>The worker process the host <paramref name="hostPid"/> runs now: its child whose command line names the worker assembly.</summary>
    public static int? FindWorker(int hostPid)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (ParentOf(pid) == hostPid && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(WorkerAssembly, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // Gone while we read it.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process.
            }
        }

        return null;
    }

    /// <summary>VmHWM (peak resident set since start) and VmRSS of a process, in bytes, from /proc/{pid}/status.</summary>
    public static (long Peak, long Resident) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => 1024 * long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (Field("VmHWM"), Field("VmRSS"));
    }

    /// <summary>User + system CPU time of a process (not its children), from /proc/{pid}/stat.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var fields = AfterCommand(File.ReadAllText($"/proc/{pid}/stat"));
        // Fields after the command: state(0) ppid(1) ... utime(11) stime(12).
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond);
    }

    private static int ParentOf(int pid) => int.Parse(AfterCommand(File.ReadAllText($"/proc/{pid}/stat"))[1], CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/{pid}/stat after "(command)", which may itself hold spaces and parentheses.</summary>
    private static string[] AfterCommand(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>
/// The worker's peak resident set while a scenario runs: VmHWM of every worker process the host ran meanwhile (a restarted
/// worker is a new process with its own peak), sampled every 200 ms and once more at the end.
/// </summary>
internal sealed class WorkerMemory : IAsyncDisposable
{
    private readonly int hostPid;
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<int, long> peaks = [];
    private readonly Task sampler;

    public WorkerMemory(int hostPid)
    {
        this.hostPid = hostPid;
        sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Sample();
                await Task.Delay(200, CancellationToken.None);
            }
        });
    }

    /// <summary>The highest VmHWM of any worker process seen.</summary>
    public long Peak
    {
        get
        {
            lock (peaks)
            {
                return peaks.Count == 0 ? 0 : peaks.Values.Max();
            }
        }
    }

    /// <summary>How many worker processes the host ran while sampled (1 unless a worker died and was restarted).</summary>
    public int Workers
    {
        get
        {
            lock (peaks)
            {
                return peaks.Count;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    public async Task StopAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await sampler;
            Sample();
        }
    }

    private void Sample()
    {
        try
        {
            if (AppProcesses.FindWorker(hostPid) is { } pid)
            {
                var (peak, _) = AppProcesses.Memory(pid);
                lock (peaks)
                {
                    peaks[pid] = Math.Max(peaks.GetValueOrDefault(pid), peak);
                }
            }
        }
        catch (IOException)
        {
            // The worker exited between finding and reading it.
        }
    }
}
