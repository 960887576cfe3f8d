using SocialWatch.Host.Functions;

namespace SocialWatch.Host.Worker;

/// <summary>The host's state as GET /admin/host/status reports it, named as the Functions host names its states.</summary>
public enum HostState
{
    Default,
    Initialized,
    Running,
    Error,
    Stopping,
    Stopped,
}

/// <summary>The worker failed to start: whoever waits for it is told at once instead of waiting for a worker that may never come.</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);

/// <summary>A worker that has loaded its functions: its stream, its functions and the address its HTTP functions answer on.</summary>
public sealed record LoadedWorker(WorkerConnection Connection, FunctionCatalog Functions, Uri? HttpUri);

/// <summary>
/// Which worker, if any, takes invocations now. Invocations and HTTP requests wait here while a worker starts or restarts after
/// a crash; while workers fail to start, they fail at once with the reason (<see cref="WorkerUnavailableException"/>). The
/// first worker's functions decide the routes and the trigger listeners for the host's lifetime.
/// </summary>
public sealed class WorkerState
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<FunctionCatalog> firstFunctions = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<LoadedWorker> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HostState State { get; private set; } = HostState.Default;

    /// <summary>Why the last worker failed or was lost, while no worker runs.</summary>
    public string? Error { get; private set; }

    public LoadedWorker? Current { get; private set; }

    private bool IsStopping => State is HostState.Stopping or HostState.Stopped;

    /// <summary>The functions of the first worker that loaded.</summary>
    public Task<FunctionCatalog> Functions => firstFunctions.Task;

    public Task<LoadedWorker> WhenReadyAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ready.Task.WaitAsync(cancellationToken);
        }
    }

    public void Starting()
    {
        lock (gate)
        {
            if (IsStopping)
            {
                return;
            }

            if (ready.Task.IsFaulted)
            {
                ready = new TaskCompletionSource<LoadedWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            State = HostState.Initialized;
        }
    }

    public void Ready(LoadedWorker worker)
    {
        lock (gate)
        {
            Current = worker;
            Error = null;
            State = HostState.Running;
            firstFunctions.TrySetResult(worker.Functions);
            ready.TrySetResult(worker);
        }
    }

    /// <summary>The worker is gone: after a crash, invocations wait for the next one; if it never loaded, they fail until one does.</summary>
    public void Lost(string reason)
    {
        lock (gate)
        {
            if (!IsStopping)
            {
                Unavailable(reason, restarting: Current is not null);
                State = HostState.Error;
                Error = reason;
            }

            Current = null;
        }
    }

    /// <summary>The host is stopping: nothing new waits for a worker (a request would otherwise hold up the web server's stop).</summary>
    public void Stopping()
    {
        lock (gate)
        {
            State = HostState.Stopping;
            Unavailable("The host is stopping.", restarting: false);
        }
    }

    public void Stopped()
    {
        lock (gate)
        {
            State = HostState.Stopped;
            Current = null;
        }
    }

    /// <summary>From now on, waiters wait for the next worker (restarting) or are told at once that there is none.</summary>
    private void Unavailable(string reason, bool restarting)
    {
        if (ready.Task.IsCompleted)
        {
            ready = new TaskCompletionSource<LoadedWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (!restarting)
        {
            ready.SetException(new WorkerUnavailableException(reason));
        }
    }
}
