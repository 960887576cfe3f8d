using Microsoft.Extensions.Logging;
using SocialWatch.Host.Rpc;
using SocialWatch.Host.Worker;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>One worker's stream: requests go out in order, each answer completes the request it belongs to, logs go to ours.</summary>
public sealed class WorkerConnectionRequests
{
    private readonly LogCollector logs = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompletesARequestWithTheAnswerForItsId()
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var connection = new WorkerConnection("worker-1", loggers);
        var first = connection.RequestAsync(Invocation("a"), WorkerConnection.InvocationKey("a"), Cancel);
        var second = connection.RequestAsync(Invocation("b"), WorkerConnection.InvocationKey("b"), Cancel);

        connection.Receive(Answer("b"));

        Assert.Equal("b", (await second).InvocationResponse.InvocationId);
        Assert.False(first.IsCompleted);
        Assert.True(connection.Outgoing.TryRead(out var sent));
        Assert.Equal("a", sent.InvocationRequest.InvocationId);
    }

    [Fact]
    public async Task FailsWhatIsStillWaitingWhenTheStreamCloses()
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var connection = new WorkerConnection("worker-1", loggers);
        var waiting = connection.RequestAsync(Invocation("a"), WorkerConnection.InvocationKey("a"), Cancel);

        connection.Close("Worker process 42 exited with code 134.");

        var lost = await Assert.ThrowsAsync<WorkerLostException>(() => waiting);
        Assert.Equal("Worker process 42 exited with code 134.", lost.Message);
        await Assert.ThrowsAsync<WorkerLostException>(() => connection.RequestAsync(Invocation("b"), WorkerConnection.InvocationKey("b"), Cancel));
        Assert.True(connection.Closed.IsCompleted);
    }

    [Fact]
    public void LogsWhatTheWorkerLogsUnderItsCategoryAndLevel()
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var connection = new WorkerConnection("worker-1", loggers);

        connection.Receive(new StreamingMessage { RpcLog = new RpcLog { Category = "Function.CheckProfile.User", Level = RpcLog.Types.Level.Warning, Message = "slow site" } });
        connection.Receive(new StreamingMessage { RpcLog = new RpcLog { Level = RpcLog.Types.Level.Error, Message = "failed", Exception = new RpcException { Message = "boom" } } });

        Assert.Contains((LogLevel.Warning, "Function.CheckProfile.User", "slow site"), logs.Entries);
        Assert.Contains(logs.Entries, e => e is { Level: LogLevel.Error, Category: "Worker" } && e.Message.StartsWith("failed", StringComparison.Ordinal) && e.Message.Contains("boom", StringComparison.Ordinal));
    }

    private static StreamingMessage Invocation(string id) => new() { InvocationRequest = new InvocationRequest { InvocationId = id } };

    private static StreamingMessage Answer(string id) =>
        new() { InvocationResponse = new InvocationResponse { InvocationId = id, Result = new StatusResult { Status = StatusResult.Types.Status.Success } } };
}
