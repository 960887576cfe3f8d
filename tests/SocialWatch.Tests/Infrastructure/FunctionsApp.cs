using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app's functions in the test process, built from the app's own services (as the worker builds them) with test
/// doubles where a test needs them (a fake clock): the test runs a timer or queue function when it decides, by calling the
/// function class itself, each run in its own scope as the worker does. For trigger-driven behaviour on a clock a process
/// cannot share; the hosting path itself is proven through <see cref="AppHost"/>.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public FunctionsApp(AzuriteFixture azurite, string prefix, Action<IServiceCollection> replace, IEnumerable<(string Key, string? Value)>? settings = null)
    {
        Prefix = prefix;
        Settings = TestSettings.For(azurite, prefix);
        foreach (var (key, value) in settings ?? [])
        {
            Settings[key] = value;
        }

        services = TestStorage.AppServices(Settings, collection =>
        {
            collection.AddLogging(logging => logging.AddProvider(Logs));
            replace(collection);
        });
    }

    public string Prefix { get; }

    /// <summary>The settings the app runs with (configuration form): a process started with them shares its storage.</summary>
    public Dictionary<string, string?> Settings { get; }

    public IServiceProvider Services => services;

    public LogCollector Logs { get; } = new();

    /// <summary>Runs one invocation of <typeparamref name="TFunction"/> in a scope of its own.</summary>
    public async Task RunAsync<TFunction>(Func<TFunction, Task> invoke)
        where TFunction : class
    {
        await using var scope = services.CreateAsyncScope();
        await invoke(ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider));
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

/// <summary>Keeps what the app logs, so a test can check that a fault was reported.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. entries];

    public bool Contains(LogLevel level, string text) => entries.Any(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
        // Nothing to release: the entries stay readable after the app stops.
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.entries.Enqueue((logLevel, category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)} {exception.GetBaseException().Message}"));
    }
}
