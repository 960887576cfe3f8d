using SocialWatch.Storage;

namespace SocialWatch.Tests.Unit.Storage;

public sealed class GroupCommitWrite
{
    [Fact]
    public async Task TwoEqualWritesOfOneRowGoInTwoTransactionsAndBothComplete()
    {
        var firstSubmitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<string[]>();
        var commit = new GroupCommit<string>(row => new TableKey("partition", row), async (writes, _) =>
        {
            lock (batches)
            {
                batches.Add(writes.Select(w => w.Record).ToArray());
            }

            firstSubmitted.TrySetResult();
            await release.Task;
            return writes.Select(_ => WriteResult.Written("v2")).ToArray();
        });

        var leading = commit.WriteAsync(new ConditionalWrite<string>("other", null), TestContext.Current.CancellationToken);
        await firstSubmitted.Task;
        // The same write twice (a check message delivered twice): equal values, two callers waiting.
        var once = commit.WriteAsync(new ConditionalWrite<string>("row", "v1"), TestContext.Current.CancellationToken);
        var twice = commit.WriteAsync(new ConditionalWrite<string>("row", "v1"), TestContext.Current.CancellationToken);
        release.SetResult();

        await Task.WhenAll(leading, once, twice).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([["other"], ["row"], ["row"]], batches);
    }
}
