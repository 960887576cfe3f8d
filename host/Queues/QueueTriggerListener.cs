using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SocialWatch.Host.Functions;

namespace SocialWatch.Host.Queues;

/// <summary>A queue function with its queue resolved: settings referenced and the storage prefix applied.</summary>
public sealed record QueueTrigger(string FunctionName, string QueueName);

/// <summary>
/// Feeds one queue function with host.json extensions.queues semantics: receive up to batchSize, receive again when the messages
/// in flight fall to newBatchThreshold, run them concurrently, delete on success, after a failure release the message for
/// visibilityTimeout or, at maxDequeueCount, copy it to &lt;queue&gt;-poison; back off up to maxPollingInterval while the queue is empty.
/// The worker's own sends cannot wake it (they happen in another process): an idle queue is found again by polling.
/// </summary>
public sealed partial class QueueTriggerListener
{
    private readonly QueueTrigger trigger;
    private readonly QueueSettings settings;
    private readonly TimeSpan lease;
    private readonly IFunctionInvoker invoker;
    private readonly TimeProvider time;
    private readonly ILogger<QueueTriggerListener> logger;
    private readonly QueueClient queue;
    private readonly QueueClient poison;

    public QueueTriggerListener(QueueTrigger trigger, QueueSettings settings, TimeSpan lease, ListenerQueueClients clients, IFunctionInvoker invoker, TimeProvider time, ILogger<QueueTriggerListener> logger)
    {
        this.trigger = trigger;
        this.settings = settings;
        this.lease = lease;
        this.invoker = invoker;
        this.time = time;
        this.logger = logger;
        queue = clients.Listening.GetQueueClient(trigger.QueueName);
        poison = clients.Listening.GetQueueClient(ListenerQueueClients.PoisonQueueName(trigger.QueueName));
    }

    private enum Outcome
    {
        Succeeded,
        Failed,
        Abandoned,
    }

    public async Task RunAsync(CancellationToken stopping, CancellationToken aborting)
    {
        var inFlight = new List<Task>();
        var polling = new PollingBackoff(settings.MaxPollingInterval);
        var queuesExist = false;
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan? wait = null;
            try
            {
                if (!queuesExist)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stopping);
                    await poison.CreateIfNotExistsAsync(cancellationToken: stopping);
                    queuesExist = true;
                }

                await WaitForNewBatchThresholdAsync(inFlight);
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, lease, stopping);
                if (messages.Length == 0)
                {
                    wait = polling.NextDelay();
                }
                else
                {
                    polling.Reset();
                    inFlight.AddRange(messages.Select(message => Task.Run(() => ProcessAsync(message, aborting), CancellationToken.None)));
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A storage fault (outage, queue deleted under us) must not end the listener: check the queues again after a back-off.
                queuesExist = false;
                wait = polling.NextDelay();
                LogStorageFault(e, trigger.FunctionName, trigger.QueueName, wait.Value);
            }

            if (wait is { } delay)
            {
                await Task.Delay(delay, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        // Graceful shutdown: no more receives, but the runs in flight finish and complete their messages.
        await Task.WhenAll(inFlight);
        LogStopped(trigger.FunctionName, trigger.QueueName);
    }

    private async Task WaitForNewBatchThresholdAsync(List<Task> inFlight)
    {
        inFlight.RemoveAll(task => task.IsCompleted);
        while (inFlight.Count > settings.NewBatchThreshold)
        {
            inFlight.Remove(await Task.WhenAny(inFlight));
        }
    }

    /// <summary>Never throws: whatever goes wrong is logged, and a message not completed reappears when its lease ends.</summary>
    private async Task ProcessAsync(QueueMessage message, CancellationToken aborting)
    {
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                // Tried too often already (runs cut short by crashes): poison it without another try, as the host does.
                await MoveToPoisonAsync(message, message.PopReceipt);
                return;
            }

            var receipt = new LeaseReceipt(message.PopReceipt);
            Outcome outcome;
            using (var renewing = new CancellationTokenSource())
            {
                var renewal = KeepInvisibleAsync(message.MessageId, receipt, renewing.Token);
                outcome = await RunFunctionAsync(message, aborting);
                await renewing.CancelAsync();
                await renewal;
            }

            switch (outcome)
            {
                case Outcome.Succeeded:
                    await queue.DeleteMessageAsync(message.MessageId, receipt.PopReceipt, CancellationToken.None);
                    break;
                case Outcome.Failed when message.DequeueCount >= settings.MaxDequeueCount:
                    await MoveToPoisonAsync(message, receipt.PopReceipt);
                    break;
                case Outcome.Failed:
                    await queue.UpdateMessageAsync(message.MessageId, receipt.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                    break;
                case Outcome.Abandoned:
                    // Shutting down: hand the message back at once for the next instance or start.
                    await queue.UpdateMessageAsync(message.MessageId, receipt.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
                    break;
            }
        }
        catch (Exception e)
        {
            LogCompletionFault(e, trigger.FunctionName, message.MessageId);
        }
    }

    private async Task<Outcome> RunFunctionAsync(QueueMessage message, CancellationToken aborting)
    {
        var outcome = await invoker.InvokeAsync(QueueMessageData.Invocation(trigger.FunctionName, message), aborting);
        switch (outcome.Status)
        {
            case InvocationStatus.Succeeded:
                return Outcome.Succeeded;
            case InvocationStatus.Cancelled when aborting.IsCancellationRequested:
                return Outcome.Abandoned;
            default:
                // What happens to the message is decided by its dequeue count.
                LogRunFailed(trigger.FunctionName, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, outcome.Error);
                return Outcome.Failed;
        }
    }

    /// <summary>Renews the message's invisibility at half the lease while its function runs, so no other receiver gets it meanwhile.</summary>
    private async Task KeepInvisibleAsync(string messageId, LeaseReceipt receipt, CancellationToken finished)
    {
        while (true)
        {
            await Task.Delay(lease / 2, time, finished).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (finished.IsCancellationRequested)
            {
                return;
            }

            try
            {
                // Not cancellable: a renewal cut off in flight could change the pop receipt without telling us.
                var renewed = await queue.UpdateMessageAsync(messageId, receipt.PopReceipt, visibilityTimeout: lease, cancellationToken: CancellationToken.None);
                receipt.PopReceipt = renewed.Value.PopReceipt;
            }
            catch (Exception e)
            {
                LogLeaseLost(e, trigger.FunctionName, messageId);
                return;
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt)
    {
        // The body goes over as received: the same bytes, encoded as the main queue encodes them.
        await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        LogPoisoned(trigger.FunctionName, message.MessageId, message.DequeueCount, poison.Name);
    }

    /// <summary>Each renewal of a message's visibility gives it a new pop receipt; deleting or releasing it needs the latest.</summary>
    private sealed class LeaseReceipt(string popReceipt)
    {
        public string PopReceipt { get; set; } = popReceipt;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName}: message {MessageId} failed on try {DequeueCount} of {MaxDequeueCount} ({Error})")]
    private partial void LogRunFailed(string functionName, string messageId, long dequeueCount, int maxDequeueCount, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} tries")]
    private partial void LogPoisoned(string functionName, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName}: queue {QueueName} is unreachable; trying again in {Delay}")]
    private partial void LogStorageFault(Exception exception, string functionName, string queueName, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName}: completing message {MessageId} failed; it becomes visible again when its lease ends")]
    private partial void LogCompletionFault(Exception exception, string functionName, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName}: renewing the lease of message {MessageId} failed; another receiver may get it while it runs")]
    private partial void LogLeaseLost(Exception exception, string functionName, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Function {FunctionName} stopped listening to {QueueName}")]
    private partial void LogStopped(string functionName, string queueName);
}
