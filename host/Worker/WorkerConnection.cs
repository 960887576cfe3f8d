using System.Collections.Concurrent;
using System.Threading.Channels;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Worker;

/// <summary>The worker is gone (exited, or its stream closed): whatever was asked of it will not be answered.</summary>
public sealed class WorkerLostException(string message) : Exception(message);

/// <summary>
/// One worker's FunctionRpc stream. Messages to the worker queue up for the single writer of the stream; each answer the
/// worker sends completes the request waiting for it (by kind, and by function or invocation id); RpcLog goes to our logs.
/// When the stream ends, every request still waiting fails with <see cref="WorkerLostException"/>.
/// </summary>
public sealed partial class WorkerConnection(string workerId, ILoggerFactory loggers)
{
    private readonly Channel<StreamingMessage> outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ILogger> categories = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger logger = loggers.CreateLogger<WorkerConnection>();
    private string? closedBecause;

    public string WorkerId { get; } = workerId;

    /// <summary>What the stream writer sends, in order.</summary>
    public ChannelReader<StreamingMessage> Outgoing => outgoing.Reader;

    /// <summary>Completes when the stream has ended.</summary>
    public Task Closed => closed.Task;

    /// <summary>How many requests wait for the worker's answer (invocations in flight, once the functions are loaded).</summary>
    public int Waiting => waiting.Count;

    /// <summary>Sends a request and waits for the answer the worker gives under <paramref name="answerKey"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, string answerKey, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.TryAdd(answerKey, answer))
        {
            throw new InvalidOperationException($"A request for '{answerKey}' is already waiting.");
        }

        try
        {
            // Checked after registering, so that a close in between fails this request too.
            if (closedBecause is not null || !outgoing.Writer.TryWrite(request))
            {
                throw new WorkerLostException(closedBecause ?? "The worker's stream has closed.");
            }

            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            waiting.TryRemove(answerKey, out _);
        }
    }

    /// <summary>Sends a message that has no answer (WorkerTerminate, InvocationCancel); dropped if the stream has closed.</summary>
    public void Send(StreamingMessage message) => outgoing.Writer.TryWrite(message);

    public static string InitKey => "init";

    public static string MetadataKey => "metadata";

    public static string LoadKey(string functionId) => "load:" + functionId;

    public static string InvocationKey(string invocationId) => "invocation:" + invocationId;

    /// <summary>A message from the worker.</summary>
    public void Receive(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => InitKey,
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => MetadataKey,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => LoadKey(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => InvocationKey(message.InvocationResponse.InvocationId),
            _ => null,
        };
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            Log(message.RpcLog);
        }
        else if (key is null || !waiting.TryGetValue(key, out var answer))
        {
            LogUnexpected(message.ContentCase, WorkerId);
        }
        else
        {
            answer.TrySetResult(message);
        }
    }

    /// <summary>Ends the connection: nothing more is sent, and every request still waiting fails.</summary>
    public void Close(string reason)
    {
        closedBecause ??= reason;
        outgoing.Writer.TryComplete();
        foreach (var answer in waiting.Values)
        {
            answer.TrySetException(new WorkerLostException(reason));
        }

        closed.TrySetResult();
    }

    private void Log(RpcLog log)
    {
        if (log.Level == RpcLog.Types.Level.None)
        {
            return;
        }

        // The worker names the category (its ILogger's, or Function.{Name}.User for a function's own logs), as the host logs it.
        var category = categories.GetOrAdd(string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category, loggers.CreateLogger);
        var text = log.Exception is { } exception ? $"{log.Message}{Environment.NewLine}{exception.Message}{Environment.NewLine}{exception.StackTrace}" : log.Message;
        LogFromWorker(category, (LogLevel)(int)log.Level, text);
    }

    [LoggerMessage(Message = "{Message}")]
    private static partial void LogFromWorker(ILogger logger, LogLevel level, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} sent {Content}, which nothing waits for")]
    private partial void LogUnexpected(StreamingMessage.ContentOneofCase content, string workerId);
}
