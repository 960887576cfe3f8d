using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using SocialWatch.Functions.Hosting;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>What test functions saw, in order; tests wait on it with a real-time limit.</summary>
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

/// <summary>Records each message it gets.</summary>
public sealed class RecordsMessages(Seen<QueueInvocation> seen) : IQueueFunction
{
    public const string Name = nameof(RecordsMessages);
    public const string QueueName = "records";

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        seen.Add(message);
        return Task.CompletedTask;
    }
}

/// <summary>Records each try, then fails.</summary>
public sealed class AlwaysFails(Seen<QueueInvocation> seen) : IQueueFunction
{
    public const string Name = nameof(AlwaysFails);
    public const string QueueName = "always-fails";

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        seen.Add(message);
        throw new InvalidOperationException("This function always fails.");
    }
}

/// <summary>Holds each message until the test releases it: shows concurrency, leases and shutdown.</summary>
public sealed class HoldsMessages(Gate<QueueInvocation> gate) : IQueueFunction
{
    public const string Name = nameof(HoldsMessages);
    public const string QueueName = "holds";

    public Task RunAsync(QueueInvocation message, CancellationToken cancellationToken) => gate.PassAsync(message, cancellationToken);
}

/// <summary>Holds each tick until the test releases it: shows that a timer never runs twice at once.</summary>
public sealed class HoldsTicks(Gate<Tick> gate, TimeProvider time) : ITimerFunction
{
    public const string Name = nameof(HoldsTicks);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken) => gate.PassAsync(new Tick(time.GetUtcNow(), timer), cancellationToken);
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

/// <summary>
/// Reads an order (JSON) or a note (plain text) and writes what it understood to a table: the function run through both
/// runtimes to show they give the same result. It stores meaning, not the raw JSON text, which a host may re-format.
/// </summary>
public sealed class WritesResult(TableServiceClient tables, StorageNames names) : IQueueFunction
{
    public const string Name = nameof(WritesResult);
    public const string QueueName = "writes-result";
    public const string TableBaseName = "RuntimeResults";

    public async Task RunAsync(QueueInvocation message, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(names.Table(TableBaseName));
        await table.CreateIfNotExistsAsync(cancellationToken);
        TableEntity row;
        if (message.Body.StartsWith('{'))
        {
            var order = JsonSerializer.Deserialize<Order>(message.Body, JsonSerializerOptions.Web)!;
            row = new TableEntity("order", Key(order.Customer))
            {
                ["Customer"] = order.Customer,
                ["Items"] = string.Join(", ", order.Lines.Select(line => $"{line.Quantity} {line.Item}")),
                ["Total"] = order.Lines.Sum(line => line.Quantity * line.Price),
            };
        }
        else
        {
            row = new TableEntity("note", Key(message.Body)) { ["Text"] = message.Body, ["Words"] = message.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length };
        }

        row["DequeueCount"] = message.DequeueCount;
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public static string Key(string identity) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)))[..32];

    public sealed record Order(string Customer, IReadOnlyList<OrderLine> Lines);

    public sealed record OrderLine(string Item, int Quantity, double Price);
}

/// <summary>Records each tick with the (fake) time it ran at.</summary>
public sealed class RecordsTicks(Seen<Tick> seen, TimeProvider time) : ITimerFunction
{
    public const string Name = nameof(RecordsTicks);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        seen.Add(new Tick(time.GetUtcNow(), timer));
        return Task.CompletedTask;
    }
}

/// <summary>Records each tick, then fails.</summary>
public sealed class FailingTicks(Seen<Tick> seen, TimeProvider time) : ITimerFunction
{
    public const string Name = nameof(FailingTicks);

    public Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        seen.Add(new Tick(time.GetUtcNow(), timer));
        throw new InvalidOperationException("This timer always fails.");
    }
}

public sealed record Tick(DateTimeOffset At, TimerInvocation Timer);
