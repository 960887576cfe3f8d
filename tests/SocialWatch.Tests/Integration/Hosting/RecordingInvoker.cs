using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Timers;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Hosting;

/// <summary>
/// Stands in for the worker: runs the test's handler for each invocation a listener sends, by function name, and answers as
/// the worker would (a handler that throws is a failed invocation, one cancelled by the listener's token a cancelled one).
/// </summary>
public sealed class RecordingInvoker : IFunctionInvoker
{
    private readonly ConcurrentDictionary<string, Func<FunctionInvocation, CancellationToken, Task>> handlers = new(StringComparer.Ordinal);

    public RecordingInvoker Handle(string functionName, Func<FunctionInvocation, CancellationToken, Task> handler)
    {
        handlers[functionName] = handler;
        return this;
    }

    public async Task<InvocationOutcome> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(invocation.FunctionName, out var handler))
        {
            return InvocationOutcome.Failed($"No handler for {invocation.FunctionName}.");
        }

        try
        {
            await handler(invocation, cancellationToken);
            return InvocationOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return InvocationOutcome.Cancelled;
        }
        catch (Exception e)
        {
            return InvocationOutcome.Failed(e.Message);
        }
    }
}

/// <summary>A queue invocation as a queue function bound to string, id and dequeue count reads it from the trigger data.</summary>
public sealed record QueueInvocation(string Id, string Body, long DequeueCount, DateTimeOffset? InsertionTime)
{
    public static QueueInvocation From(FunctionInvocation invocation) =>
        new(
            invocation.TriggerMetadata["Id"].String,
            invocation.Input.String,
            JsonSerializer.Deserialize<long>(invocation.TriggerMetadata["DequeueCount"].Json),
            invocation.TriggerMetadata.TryGetValue("InsertionTime", out var inserted) ? JsonSerializer.Deserialize<DateTimeOffset>(inserted.Json) : null);
}

/// <summary>A timer invocation as the worker's TimerInfo reads it from the trigger value's JSON.</summary>
public sealed record TimerInvocation(bool IsPastDue, TimerScheduleStatus? ScheduleStatus)
{
    public static TimerInvocation From(FunctionInvocation invocation)
    {
        using var json = JsonDocument.Parse(invocation.Input.Json);
        var root = json.RootElement;
        var status = root.GetProperty(nameof(ScheduleStatus));
        return new TimerInvocation(
            root.GetProperty(nameof(IsPastDue)).GetBoolean(),
            status.ValueKind == JsonValueKind.Null ? null : new TimerScheduleStatus(Time(status, "Last"), Time(status, "Next"), Time(status, "LastUpdated")));
    }

    private static DateTimeOffset Time(JsonElement status, string name) =>
        DateTimeOffset.Parse(status.GetProperty(name).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>One timer run: the (fake) time it ran at and what it was given.</summary>
public sealed record Tick(DateTimeOffset At, TimerInvocation Timer);

/// <summary>What the stand-in functions saw, in order; tests wait on it with a real-time limit.</summary>
public sealed class Seen<T>
{
    private readonly ConcurrentQueue<T> items = new();

    public IReadOnlyList<T> Items => [.. items];

    public void Add(T item) => items.Enqueue(item);

    public async Task<IReadOnlyList<T>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => items.Count >= count, $"{count} invocations (seen {items.Count})", timeout);
        return Items;
    }
}

/// <summary>Lets invocations in one by one as the test releases them, counting how many run at once.</summary>
public sealed class Gate<T>
{
    private readonly SemaphoreSlim releases = new(0);
    private readonly Lock counting = new();
    private int running;

    public Seen<T> Entered { get; } = new();

    public Seen<T> Left { get; } = new();

    public int MostRunning { get; private set; }

    public void Release(int count) => releases.Release(count);

    public async Task PassAsync(T invocation, CancellationToken cancellationToken)
    {
        lock (counting)
        {
            running++;
            MostRunning = Math.Max(MostRunning, running);
        }

        Entered.Add(invocation);
        try
        {
            await releases.WaitAsync(cancellationToken);
            Left.Add(invocation);
        }
        finally
        {
            lock (counting)
            {
                running--;
            }
        }
    }
}
