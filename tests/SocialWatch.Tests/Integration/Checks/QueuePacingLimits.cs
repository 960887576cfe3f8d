using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>
/// The fan-out's pacing on Azurite, on the real clock: while a checker drains the check-profile queue slowly, the queue never
/// holds more than the target above the checks rescheduled for later (invisible, but counted in the queue's length), and
/// every check still arrives.
/// </summary>
public sealed class QueuePacingLimits(AzuriteFixture azurite) : IAsyncDisposable
{
    private const int Target = 20;
    private readonly ServiceProvider services = TestStorage.Services(azurite);

    [Theory(Timeout = 60_000)]
    [InlineData(0)]
    [InlineData(3 * Target)]
    public async Task KeepsTheQueueAtMostAtItsTargetAboveTheRescheduledChecksAndLosesNoCheck(int rescheduled)
    {
        var cancel = TestContext.Current.CancellationToken;
        var checks = Enumerable.Range(0, 100).Select(i => new CheckProfileMessage("sweep-paced", "b", $"p-{i:000}", new Uri($"https://example.com/{i}"), Network.Other, null)).ToArray();
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().Queue(CheckQueue.QueueName));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancel);
        for (var i = 0; i < rescheduled; i++)
        {
            await queue.SendMessageAsync("a check a host asked to come back to in an hour", TimeSpan.FromHours(1), cancellationToken: cancel);
        }

        var pacing = new QueuePacing(
            new CheckQueue(services.GetRequiredService<QueueServiceClient>(), services.GetRequiredService<StorageNames>()),
            TimeProvider.System,
            new SweepOptions { QueuedChecksTarget = Target, QueuePollInterval = TimeSpan.FromMilliseconds(20) });

        var sending = pacing.SendAsync(checks, cancel);
        var (received, longest) = (new List<string>(), 0);
        while (received.Count < checks.Length)
        {
            longest = Math.Max(longest, (await queue.GetPropertiesAsync(cancel)).Value.ApproximateMessagesCount);
            foreach (var message in (await queue.ReceiveMessagesAsync(5, TimeSpan.FromMinutes(1), cancel)).Value)
            {
                received.Add(CheckProfileMessage.Read(message.Body.ToString()).ProfileId);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancel);
            }

            await Task.Delay(30, cancel);
        }

        await sending;
        Assert.InRange(longest - rescheduled, 1, Target);
        Assert.Equal(checks.Select(c => c.ProfileId), received.Order(StringComparer.Ordinal));
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
