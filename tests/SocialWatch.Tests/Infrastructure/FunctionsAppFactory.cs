using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The real app (Program) in memory, on Azurite, reading its function files from a <see cref="TestAppRoot"/>, in local mode or,
/// with <see cref="CustomHandler"/>, in custom-handler mode. The app's own timer and queue functions are switched off with the
/// host's AzureWebJobs.{Name}.Disabled setting, so only the test's functions fire.
/// </summary>
public sealed class FunctionsAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection> configureServices;

    public FunctionsAppFactory(AzuriteFixture azurite, TestAppRoot appRoot, string prefix, Action<IServiceCollection> configureServices, IDictionary<string, string?>? settings = null, bool customHandler = false)
    {
        this.configureServices = configureServices;
        this.settings = TestSettings.For(azurite, prefix);
        this.settings["SocialWatch:Functions:AppRoot"] = appRoot.Path;
        foreach (var function in appRoot.AppFunctions)
        {
            this.settings[$"AzureWebJobs.{function}.Disabled"] = "true";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        if (customHandler)
        {
            // Any port: the in-memory test server replaces Kestrel, the setting only selects the mode.
            this.settings[FunctionsRuntime.CustomHandlerPortVariable] = "7999";
        }
    }

    public LogCollector Logs { get; } = new();

    /// <summary>Starts the app (and so its listeners) and returns its services.</summary>
    public IServiceProvider Start() => Services;

    /// <summary>
    /// Starts the app expecting it to refuse, and returns why. The host logs the refusal before it stops; the exception the
    /// test host rethrows can instead be a disposal race of its own, so the log is the reliable witness.
    /// </summary>
    public string StartExpectingRefusal()
    {
        var thrown = Assert.ThrowsAny<Exception>(() => Start());
        var logged = Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message);
        return string.Join(Environment.NewLine, logged.Prepend(thrown.GetBaseException().Message));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(configureServices);
    }
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

        // The exception's message is kept with the entry: a start refused by a hosted service is reported only in the log.
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.entries.Enqueue((logLevel, category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)} {exception.GetBaseException().Message}"));
    }
}
