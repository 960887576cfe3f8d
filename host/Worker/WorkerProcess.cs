using System.ComponentModel;
using System.Diagnostics;

namespace SocialWatch.Host.Worker;

/// <summary>A running worker process; its standard output and error become host log lines under the Worker.Console category.</summary>
public sealed partial class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger console;

    private WorkerProcess(Process process, ILogger console)
    {
        this.process = process;
        this.console = console;
    }

    public int Id => process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output has been logged.</summary>
    public Task<int> Exited => exited.Task;

    public static WorkerProcess Start(ProcessStartInfo startInfo, ILoggerFactory loggers)
    {
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, loggers.CreateLogger("Worker.Console"));
        process.OutputDataReceived += (_, line) => worker.Write(line.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, line) => worker.Write(line.Data, LogLevel.Warning);
        process.Exited += (_, _) => worker.OnExited();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"The worker '{startInfo.FileName}' could not be started: {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Ends the process and its children at once.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose() => process.Dispose();

    private void OnExited()
    {
        // WaitForExit without a timeout returns once the redirected output has been read to its end.
        process.WaitForExit();
        exited.TrySetResult(process.ExitCode);
    }

    private void Write(string? line, LogLevel level)
    {
        if (!string.IsNullOrEmpty(line))
        {
            LogLine(console, level, line);
        }
    }

    [LoggerMessage(Message = "{Line}")]
    private static partial void LogLine(ILogger logger, LogLevel level, string line);
}
