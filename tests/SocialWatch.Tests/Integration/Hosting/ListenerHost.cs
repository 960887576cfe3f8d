using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialWatch.Host;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Hosting;

/// <summary>
/// The local host's trigger listeners on the shared Azurite, as the host runs them once a worker has declared its functions:
/// the functions given here as the worker would declare them (raw bindings), host.json's extensions.queues, the app settings,
/// and a <see cref="RecordingInvoker"/> in the worker's place.
/// </summary>
public sealed class ListenerHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private ListenerHost(ServiceProvider services, LogCollector logs)
    {
        this.services = services;
        Logs = logs;
    }

    public IServiceProvider Services => services;

    public LogCollector Logs { get; }

    /// <summary>Resolves the functions' triggers and starts their listeners; a trigger the host cannot resolve throws as the host refuses.</summary>
    public static ListenerHost Start(
        AzuriteFixture azurite,
        string prefix,
        RecordingInvoker invoker,
        IEnumerable<RpcFunctionMetadata> functions,
        JsonObject? queues = null,
        TimeProvider? time = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var logs = new LogCollector();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(azurite, prefix)).AddInMemoryCollection(settings ?? []).Build();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(HostSettings.Parse(new JsonObject { ["extensions"] = new JsonObject { ["queues"] = queues } }))
            .AddSingleton<IFunctionInvoker>(invoker)
            .AddSingleton(time ?? TimeProvider.System)
            .AddSocialWatchStorage(configuration)
            .AddTriggerListeners();
        collection.AddOptions<FunctionsHostOptions>().Bind(configuration.GetSection(FunctionsHostOptions.SectionName));
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            var plan = new TriggerPlan(new FunctionCatalog(functions.Select(WorkerFunction.From)), configuration, provider.GetRequiredService<StorageNames>(), provider.GetRequiredService<ILogger<TriggerPlan>>());
            provider.GetRequiredService<TriggerListeners>().Start(plan);
            return new ListenerHost(provider, logs);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>A queue function as the worker declares it: a string message bound from the queue it names.</summary>
    public static RpcFunctionMetadata QueueFunction(string name, string queueName) =>
        Function(name, new JsonObject { ["name"] = "message", ["direction"] = "In", ["type"] = "queueTrigger", ["dataType"] = "String", ["queueName"] = queueName });

    /// <summary>A timer function as the worker declares it.</summary>
    public static RpcFunctionMetadata TimerFunction(string name, string schedule, bool runOnStartup = false)
    {
        var trigger = new JsonObject { ["name"] = "timer", ["direction"] = "In", ["type"] = "timerTrigger", ["schedule"] = schedule };
        if (runOnStartup)
        {
            trigger["runOnStartup"] = true;
        }

        return Function(name, trigger);
    }

    /// <summary>Stops the listeners as the host does (runs in flight finish), within 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await services.GetRequiredService<TriggerListeners>().StopAsync(deadline.Token);
        await services.DisposeAsync();
    }

    private static RpcFunctionMetadata Function(string name, JsonObject trigger)
    {
        var metadata = new RpcFunctionMetadata { Name = name, FunctionId = Guid.NewGuid().ToString(), ScriptFile = "SocialWatch.Functions.dll", EntryPoint = $"SocialWatch.Functions.{name}.Run" };
        metadata.RawBindings.Add(trigger.ToJsonString());
        return metadata;
    }
}
