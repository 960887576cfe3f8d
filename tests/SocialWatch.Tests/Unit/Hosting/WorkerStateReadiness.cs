using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Worker;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>Who waits for a worker, and for how long: through a restart after a crash, but not while workers fail to start.</summary>
public sealed class WorkerStateReadiness
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitsUntilAWorkerHasLoaded()
    {
        var state = new WorkerState();
        state.Starting();
        var waiting = state.WhenReadyAsync(Cancel);
        Assert.False(waiting.IsCompleted);

        var worker = Worker();
        state.Ready(worker);

        Assert.Same(worker, await waiting);
        Assert.Equal(HostState.Running, state.State);
        Assert.Same(worker.Functions, await state.Functions);
    }

    [Fact]
    public async Task WaitsForTheNextWorkerAfterACrash()
    {
        var state = new WorkerState();
        state.Ready(Worker());

        state.Lost("Worker process 42 exited with code 139.");
        var waiting = state.WhenReadyAsync(Cancel);
        state.Starting();
        Assert.False(waiting.IsCompleted);
        var next = Worker();
        state.Ready(next);

        Assert.Same(next, await waiting);
    }

    [Fact]
    public async Task FailsAtOnceWhileWorkersFailToStart()
    {
        var state = new WorkerState();
        state.Starting();
        var waiting = state.WhenReadyAsync(Cancel);

        state.Lost("Worker process 42 exited with code 134 before opening its stream.");

        Assert.Equal("Worker process 42 exited with code 134 before opening its stream.", (await Assert.ThrowsAsync<WorkerUnavailableException>(() => waiting)).Message);
        Assert.Equal((HostState.Error, "Worker process 42 exited with code 134 before opening its stream."), (state.State, state.Error));
        await Assert.ThrowsAsync<WorkerUnavailableException>(() => state.WhenReadyAsync(Cancel));

        // The next try is waited for again.
        state.Starting();
        Assert.False(state.WhenReadyAsync(Cancel).IsCompleted);
    }

    [Fact]
    public async Task TellsWaitersAtOnceThatTheHostIsStopping()
    {
        var state = new WorkerState();
        state.Ready(Worker());

        state.Stopping();
        state.Starting();

        Assert.Equal("The host is stopping.", (await Assert.ThrowsAsync<WorkerUnavailableException>(() => state.WhenReadyAsync(Cancel))).Message);
        Assert.Equal(HostState.Stopping, state.State);
    }

    private static LoadedWorker Worker() =>
        new(new WorkerConnection(Guid.NewGuid().ToString(), NullLoggerFactory.Instance), new FunctionCatalog([]), new Uri("http://localhost:5000/"));
}
