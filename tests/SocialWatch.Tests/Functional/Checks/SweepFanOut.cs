using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Profiles;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Checks;

namespace SocialWatch.Tests.Functional.Checks;

/// <summary>
/// SweepProfiles' fan-out run in bounded parts: when a run's budget ends, a continue-sweep message carries the rest on
/// (ContinueSweep), business after business across pages, until every due profile has exactly one check enqueued.
/// </summary>
public sealed class SweepFanOut(AzuriteFixture azurite, FakeNetworks fakes) : IClassFixture<FakeNetworks>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AZeroBudgetCarriesTheFanOutOnOneBusinessPerRunAcrossPagesAndEnqueuesEveryProfileOnce()
    {
        await using var app = await MonitoredApp.StartAsync(
            azurite,
            fakes,
            ("SocialWatch:Checks:Sweep:FanOutBudget", "00:00:00"),
            ("SocialWatch:Checks:Sweep:BusinessPageSize", "2"));
        var expected = new HashSet<string>();
        for (var b = 0; b < 5; b++)
        {
            var business = await app.CreateBusinessAsync(fakes);
            for (var p = 0; p < 3; p++)
            {
                expected.Add(await app.CreateProfileAsync(business, Network.Other, fakes.Url("acme-bakery.test", $"/{b}/{p}")));
            }
        }

        await app.SweepAsync();
        var continued = await app.ContinueSweepsAsync();

        Assert.Equal(4, continued);
        var enqueued = await EnqueuedChecksAsync(app);
        Assert.Equal(expected.Order(StringComparer.Ordinal), enqueued.Select(m => m.ProfileId).Order(StringComparer.Ordinal));
        var sweep = await app.Services.GetRequiredService<SweepStore>().FindAsync(Assert.Single(enqueued.Select(m => m.SweepId).Distinct()), Cancel);
        Assert.Equal(15, sweep!.Expected);
        Assert.Equal(4, app.Logs.Entries.Count(e => e.Message.Contains("a continue-sweep message carries the fan-out on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AReplayedContinuationOfAFinishedSweepEnqueuesNothing()
    {
        await using var app = await MonitoredApp.StartAsync(azurite, fakes, ("SocialWatch:Checks:Sweep:FanOutBudget", "00:00:00"));
        for (var b = 0; b < 2; b++)
        {
            var business = await app.CreateBusinessAsync(fakes);
            await app.CreateProfileAsync(business, Network.Other, fakes.Url("acme-bakery.test", $"/{b}"));
        }

        await app.SweepAsync();
        var continuation = (await app.Queue(SweepContinuationQueue.QueueName).PeekMessageAsync(Cancel)).Value.Body.ToString();
        Assert.Equal(1, await app.ContinueSweepsAsync());
        Assert.Equal(2, (await EnqueuedChecksAsync(app)).Count);

        var replay = await app.Services.GetRequiredService<ProfileSweep>().ContinueAsync(SweepContinuation.Read(continuation), Cancel);

        Assert.Equal((2, false), (replay.Enqueued, replay.Continued));
        Assert.Empty(await EnqueuedChecksAsync(app));
        Assert.Empty((await app.Queue(SweepContinuationQueue.QueueName).PeekMessagesAsync(1, Cancel)).Value);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"sweepId\":\"s\",\"enqueued\":-1,\"cursor\":{}}")]
    [InlineData("{\"sweepId\":\"s\",\"enqueued\":3}")]
    public void AContinuationWithoutASweepACursorOrACountIsRefused(string message) =>
        Assert.Throws<FormatException>(() => SweepContinuation.Read(message));

    /// <summary>Takes (and deletes) every check-profile message on the queue.</summary>
    private static async Task<List<CheckProfileMessage>> EnqueuedChecksAsync(MonitoredApp app)
    {
        var queue = app.Queue(CheckQueue.QueueName);
        var messages = new List<CheckProfileMessage>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), Cancel)).Value is { Length: > 0 } received)
        {
            foreach (var message in received)
            {
                messages.Add(CheckProfileMessage.Read(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Cancel);
            }
        }

        return messages;
    }
}
