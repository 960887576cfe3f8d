using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Functions.Hosting;
using SocialWatch.Telemetry;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>Every timer and queue invocation, whichever runtime fired it, is counted and timed by function and outcome.</summary>
public sealed class FunctionInvokerMetrics : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly string appRoot = Directory.CreateTempSubdirectory("socialwatch-invoker-").FullName;
    private readonly ServiceProvider services;
    private readonly MetricCapture capture;
    private readonly FunctionInvoker invoker;

    public FunctionInvokerMetrics()
    {
        File.WriteAllText(Path.Combine(appRoot, "host.json"), """{ "version": "2.0" }""");
        WriteFunction("Tick", """{ "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "0 */5 * * * *" }""");
        WriteFunction("Work", """{ "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "work" }""");

        services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSocialWatchMetrics()
            .AddSingleton(FunctionManifest.Load(appRoot))
            .AddSingleton<FunctionInvoker>()
            .AddKeyedScoped<ITimerFunction, Tick>("Tick")
            .AddKeyedScoped<IQueueFunction, Work>("Work")
            .BuildServiceProvider();
        capture = new MetricCapture(services.GetRequiredService<IMeterFactory>());
        invoker = services.GetRequiredService<FunctionInvoker>();
    }

    [Fact]
    public async Task CountsASucceededTimerInvocation()
    {
        await invoker.InvokeTimerAsync("Tick", new TimerInvocation(false, null), TestContext.Current.CancellationToken);

        var invocation = Assert.Single(capture.Of(SocialWatchMetrics.FunctionInvocationsName));
        Assert.Equal("Tick", invocation.Tags["function"]);
        Assert.Equal("timerTrigger", invocation.Tags["trigger"]);
        Assert.Equal("succeeded", invocation.Tags["outcome"]);
        Assert.True(Assert.Single(capture.Of(SocialWatchMetrics.FunctionDurationName)).Value >= 0);
        Assert.Empty(capture.Of(SocialWatchMetrics.QueueAgeName));
    }

    [Fact]
    public async Task CountsAFailedQueueInvocationAndTheMessageAge()
    {
        var message = new QueueInvocation("id-1", "fail", DequeueCount: 1, InsertionTime: Now.AddSeconds(-42));

        await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.InvokeQueueAsync("Work", message, TestContext.Current.CancellationToken));

        var invocation = Assert.Single(capture.Of(SocialWatchMetrics.FunctionInvocationsName));
        Assert.Equal("Work", invocation.Tags["function"]);
        Assert.Equal("queueTrigger", invocation.Tags["trigger"]);
        Assert.Equal("failed", invocation.Tags["outcome"]);
        var age = Assert.Single(capture.Of(SocialWatchMetrics.QueueAgeName));
        Assert.Equal(42.0, age.Value);
        Assert.Equal("work", age.Tags["queue"]);
    }

    public void Dispose()
    {
        capture.Dispose();
        services.Dispose();
        Directory.Delete(appRoot, recursive: true);
    }

    private void WriteFunction(string name, string trigger)
    {
        Directory.CreateDirectory(Path.Combine(appRoot, name));
        File.WriteAllText(Path.Combine(appRoot, name, "function.json"), $$"""{ "bindings": [ {{trigger}} ] }""");
    }

    private sealed class Tick : ITimerFunction
    {
        public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Work : IQueueFunction
    {
        public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) =>
            message.Body == "fail" ? throw new InvalidOperationException("The message asked to fail.") : Task.CompletedTask;
    }
}
