using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>The start-up check that code and function.json files agree.</summary>
public sealed class FunctionRegistryEnsureMatches : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("socialwatch-registry-");

    public FunctionRegistryEnsureMatches()
    {
        File.WriteAllText(Path.Combine(root.FullName, "host.json"), """{ "version": "2.0" }""");
        Function("Sweep", """{ "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "0 0 * * * *" }""");
        Function("Check", """{ "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "checks" }""");
    }

    [Fact]
    public void AcceptsCodeForEveryFunctionJson()
    {
        var registry = Registry(services => services.AddTimerFunction<NoOpTimer>("Sweep").AddQueueFunction<NoOpQueue>("Check"));

        registry.EnsureMatches(FunctionManifest.Load(root.FullName));
    }

    [Fact]
    public void NamesAFunctionJsonWithoutCode()
    {
        var registry = Registry(services => services.AddTimerFunction<NoOpTimer>("Sweep"));

        var refused = Assert.Throws<InvalidOperationException>(() => registry.EnsureMatches(FunctionManifest.Load(root.FullName)));

        Assert.Contains("functions/Check/function.json has no code registered for it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesCodeWithoutAFunctionJson()
    {
        var registry = Registry(services => services.AddTimerFunction<NoOpTimer>("Sweep").AddQueueFunction<NoOpQueue>("Check").AddQueueFunction<NoOpQueue>("Score"));

        var refused = Assert.Throws<InvalidOperationException>(() => registry.EnsureMatches(FunctionManifest.Load(root.FullName)));

        Assert.Contains("function 'Score' has code but no functions/Score/function.json", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesCodeOfTheWrongTriggerKind()
    {
        var registry = Registry(services => services.AddQueueFunction<NoOpQueue>("Sweep").AddQueueFunction<NoOpQueue>("Check"));

        var refused = Assert.Throws<InvalidOperationException>(() => registry.EnsureMatches(FunctionManifest.Load(root.FullName)));

        Assert.Contains("functions/Sweep/function.json declares a Timer trigger but its code handles Queue", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesAFunctionSpelledWithOtherCaseThanItsFolder()
    {
        var registry = Registry(services => services.AddTimerFunction<NoOpTimer>("sweep").AddQueueFunction<NoOpQueue>("Check"));

        var refused = Assert.Throws<InvalidOperationException>(() => registry.EnsureMatches(FunctionManifest.Load(root.FullName)));

        Assert.Equal("The functions do not match their function.json files: function 'sweep' is spelled 'Sweep' in its folder name.", refused.Message);
    }

    [Fact]
    public void RefusesTheSameNameTwice()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Registry(services => services.AddQueueFunction<NoOpQueue>("Check").AddQueueFunction<NoOpQueue>("Check")));

        Assert.Equal("Function 'Check' is registered twice.", refused.Message);
    }

    public void Dispose() => root.Delete(recursive: true);

    private static FunctionRegistry Registry(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return (FunctionRegistry)services.Single(d => d.ServiceType == typeof(FunctionRegistry)).ImplementationInstance!;
    }

    private void Function(string name, string trigger)
    {
        Directory.CreateDirectory(Path.Combine(root.FullName, name));
        File.WriteAllText(Path.Combine(root.FullName, name, "function.json"), $$"""{ "bindings": [ {{trigger}} ] }""");
    }

    private sealed class NoOpTimer : ITimerFunction
    {
        public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoOpQueue : IQueueFunction
    {
        public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
