using Grpc.Core;
using SocialWatch.Host.Rpc;
using RpcException = Grpc.Core.RpcException;

namespace SocialWatch.Host.Worker;

/// <summary>
/// The FunctionRpc service the worker connects to: one bidirectional EventStream per worker, opened by its StartStream. The
/// stream lives as long as the worker; everything the host asks goes down it, everything the worker answers or logs comes up it.
/// </summary>
public sealed partial class FunctionRpcService(WorkerStreams streams, ILoggerFactory loggers, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A worker's stream starts with StartStream."));
        }

        var connection = new WorkerConnection(requestStream.Current.StartStream.WorkerId, loggers);
        if (!streams.TryAccept(connection))
        {
            LogUnknownWorker(connection.WorkerId);
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"No worker '{connection.WorkerId}' was started by this host."));
        }

        LogStreamOpened(connection.WorkerId);
        var writing = WriteAsync(connection, responseStream, context.CancellationToken);
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                connection.Receive(requestStream.Current);
            }

            connection.Close($"Worker {connection.WorkerId} closed its stream.");
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or RpcException)
        {
            connection.Close($"Worker {connection.WorkerId}'s stream broke: {e.Message}");
        }

        await writing;
        LogStreamClosed(connection.WorkerId);
    }

    private static async Task WriteAsync(WorkerConnection connection, IServerStreamWriter<StreamingMessage> responseStream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in connection.Outgoing.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            connection.Close($"Writing to worker {connection.WorkerId} failed: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} opened its stream")]
    private partial void LogStreamOpened(string workerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId}'s stream closed")]
    private partial void LogStreamClosed(string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stream from worker {WorkerId}, which this host did not start, was refused")]
    private partial void LogUnknownWorker(string workerId);
}
