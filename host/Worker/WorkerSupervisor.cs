using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Queues;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Worker;

/// <summary>
/// Keeps one worker running, as the Functions host does: starts the process, waits for its stream and loads its functions, then
/// watches it. A worker that exits, closes its stream or does not load in time is killed and started again after a back-off
/// (invocations in flight fail; new ones wait). At shutdown the worker gets WorkerTerminate and a grace period, then is killed;
/// this happens in StoppingAsync, before the web server stops, because the server's graceful stop waits for the worker's stream.
/// </summary>
public sealed partial class WorkerSupervisor(
    WorkerState state,
    WorkerStreams streams,
    WorkerHandshake handshake,
    GrpcEndpoint grpc,
    IOptions<FunctionsHostOptions> options,
    ILoggerFactory loggers,
    ILogger<WorkerSupervisor> logger) : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;
    private (WorkerProcess Process, WorkerConnection? Connection)? current;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var launch = WorkerLaunch.Load(options.Value.WorkerDirectory);
        running = Task.Run(() => SuperviseAsync(launch), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.Stopping();
        await stopping.CancelAsync();
        (WorkerProcess Process, WorkerConnection? Connection)? worker;
        lock (gate)
        {
            worker = current;
        }

        if (worker is { } running)
        {
            await TerminateAsync(running.Process, running.Connection, cancellationToken);
        }

        await this.running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        state.Stopped();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    private async Task SuperviseAsync(WorkerLaunch launch)
    {
        var backoff = new PollingBackoff(LongestBackoff);
        while (!stopping.IsCancellationRequested)
        {
            var reason = await RunOnceAsync(launch, backoff);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            state.Lost(reason);
            var delay = backoff.NextDelay();
            LogRestarting(reason, delay);
            await Task.Delay(delay, stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Runs one worker from start to end; returns why it ended.</summary>
    private async Task<string> RunOnceAsync(WorkerLaunch launch, PollingBackoff backoff)
    {
        var workerId = Guid.NewGuid().ToString();
        var accepted = streams.ExpectAsync(workerId);
        state.Starting();
        WorkerProcess process;
        try
        {
            process = WorkerProcess.Start(launch.StartInfo(grpc.Uri, workerId, Guid.NewGuid().ToString()), loggers);
        }
        catch (InvalidOperationException e)
        {
            streams.Forget(workerId);
            return e.Message;
        }

        using (process)
        {
            lock (gate)
            {
                current = (process, null);
            }

            LogStarted(process.Id, launch.ExecutablePath, launch.WorkerPath);
            var started = Stopwatch.GetTimestamp();
            WorkerConnection? connection = null;
            try
            {
                using var loading = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                loading.CancelAfter(options.Value.WorkerStartTimeout);
                var opened = await Task.WhenAny(accepted, process.Exited).WaitAsync(loading.Token);
                if (opened != accepted)
                {
                    return $"Worker process {process.Id} exited with code {await process.Exited} before opening its stream.";
                }

                connection = await accepted;
                lock (gate)
                {
                    current = (process, connection);
                }

                var worker = await handshake.RunAsync(connection, launch.WorkerDirectory, loading.Token);
                state.Ready(worker);
                backoff.Reset();
                var loadedIn = Stopwatch.GetElapsedTime(started);
                LogReady(process.Id, worker.Functions.All.Count, loadedIn.TotalMilliseconds, worker.Functions, worker.HttpUri);

                var ended = await Task.WhenAny(process.Exited, connection.Closed, Task.Delay(Timeout.Infinite, stopping.Token));
                return ended == process.Exited
                    ? $"Worker process {process.Id} exited with code {await process.Exited}."
                    : $"Worker process {process.Id} closed its stream.";
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                return $"Worker process {process.Id} did not load its functions within {options.Value.WorkerStartTimeout}.";
            }
            catch (Exception e) when (e is InvalidOperationException or WorkerLostException)
            {
                return $"Worker process {process.Id} failed to start: {e.Message}";
            }
            catch (OperationCanceledException)
            {
                return "The host is stopping.";
            }
            finally
            {
                streams.Forget(workerId);
                if (!stopping.IsCancellationRequested)
                {
                    // Gone or failing: nothing in flight can finish, and a half-started process must not linger.
                    connection?.Close($"Worker process {process.Id} was lost.");
                    process.Kill();
                    lock (gate)
                    {
                        current = null;
                    }
                }

                // Stopping: StopAsync terminates the worker; the process is released only once it has exited.
                await EnsureExitedAsync(process);
            }
        }
    }

    private async Task EnsureExitedAsync(WorkerProcess process)
    {
        try
        {
            await process.Exited.WaitAsync(options.Value.WorkerShutdownGrace + TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            process.Kill();
            await process.Exited;
        }
    }

    private async Task TerminateAsync(WorkerProcess process, WorkerConnection? connection, CancellationToken cancellationToken)
    {
        var grace = options.Value.WorkerShutdownGrace;
        // New requests are refused from now on; those in flight (HTTP, or runs on demand) get the grace period to finish.
        var draining = Stopwatch.StartNew();
        while (connection is { Waiting: > 0 } && draining.Elapsed < grace && !process.Exited.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        connection?.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(grace) } });
        try
        {
            var code = await process.Exited.WaitAsync(grace, cancellationToken);
            LogTerminated(process.Id, code);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            LogKilled(process.Id, grace);
            process.Kill();
        }

        connection?.Close("The host stopped the worker.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {ProcessId} started: {Executable} {WorkerPath}")]
    private partial void LogStarted(int processId, string executable, string workerPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {ProcessId} loaded {Count} functions in {ElapsedMs:0} ms ({Functions}); its HTTP functions answer on {HttpUri}")]
    private partial void LogReady(int processId, int count, double elapsedMs, FunctionCatalog functions, Uri? httpUri);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason} Starting a new worker in {Delay}")]
    private partial void LogRestarting(string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {ProcessId} stopped (exit code {ExitCode})")]
    private partial void LogTerminated(int processId, int exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker process {ProcessId} did not stop within {Grace} of WorkerTerminate; killed")]
    private partial void LogKilled(int processId, TimeSpan grace);
}
