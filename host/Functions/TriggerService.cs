using SocialWatch.Storage;
using SocialWatch.Host.Worker;

namespace SocialWatch.Host.Functions;

/// <summary>
/// Starts the timer and queue listeners once the first worker has declared its functions, and stops them before the worker
/// (both stop in StoppingAsync, in reverse order of registration, so runs in flight can still finish in the worker). Triggers the host cannot resolve
/// stop the host with exit code 1 and one message naming each function at fault.
/// </summary>
public sealed partial class TriggerService(
    WorkerState state,
    TriggerListeners listeners,
    IConfiguration configuration,
    StorageNames names,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers,
    ILogger<TriggerService> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = StartWhenLoadedAsync();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await listeners.StopAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    private async Task StartWhenLoadedAsync()
    {
        FunctionCatalog functions;
        try
        {
            functions = await state.Functions.WaitAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            listeners.Start(new TriggerPlan(functions, configuration, names, loggers.CreateLogger<TriggerPlan>()));
        }
        catch (InvalidOperationException e)
        {
            LogCannotStart(e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problems} The host stops.")]
    private partial void LogCannotStart(string problems);
}
