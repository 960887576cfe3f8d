using System.Globalization;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>
/// Checks held for their host on Azurite: one held-checks-due message per host and due minute however many checks and
/// however concurrent, a send that failed is sent again by the check's retry, and a resume sends back only what is due.
/// </summary>
public sealed class HeldChecksOnAzurite(AzuriteFixture azurite) : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider services = TestStorage.Services(azurite);
    private readonly FakeTimeProvider time = new(Now);
    private HeldChecks? held;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private HeldChecks Held => held ??= new HeldChecks(Store, new CheckQueue(services.GetRequiredService<QueueServiceClient>(), Names), time, NullLogger<HeldChecks>.Instance);

    private TableHeldCheckStore Store => field ??= new TableHeldCheckStore(services.GetRequiredService<StorageTables>());

    private StorageNames Names => services.GetRequiredService<StorageNames>();

    [Fact]
    public async Task SendsOneDueMessagePerHostAndMinuteHoweverManyChecksAreHeldAtOnce()
    {
        var checks = Enumerable.Range(0, 30).Select(i => (Check("b-1", $"p-{i:00}", "www.instagram.com"), Now.AddHours(1).AddSeconds(1 + i))).ToList();
        checks.Add((Check("b-1", "p-other", "www.pinterest.com"), Now.AddHours(1)));
        checks.Add((Check("b-2", "p-next-minute", "www.instagram.com"), Now.AddHours(1).AddSeconds(75)));

        await Task.WhenAll(checks.Select(c => Held.HoldAsync(c.Item1, c.Item2, Cancellation)));

        Assert.Equal(3, await LengthAsync(CheckQueue.DueQueueName));
        Assert.Equal(31, (await Store.ListByHostAsync("www.instagram.com", Cancellation)).Count);
    }

    [Fact]
    public async Task ASendThatFailedIsSentAgainWhenTheCheckIsHeldAgain()
    {
        var check = Check("b-1", "p-1", "www.instagram.com");
        await Held.HoldAsync(Check("b-1", "p-0", "www.tiktok.com"), Now.AddHours(1), Cancellation);
        await Queue(CheckQueue.DueQueueName).DeleteAsync(Cancellation);

        await Assert.ThrowsAsync<RequestFailedException>(() => Held.HoldAsync(check, Now.AddHours(1), Cancellation));
        await Queue(CheckQueue.DueQueueName).CreateAsync(cancellationToken: Cancellation);
        await Held.HoldAsync(check, Now.AddHours(1), Cancellation);

        Assert.Equal(1, await LengthAsync(CheckQueue.DueQueueName));
    }

    [Fact]
    public async Task AResumeSendsBackTheHostsDueChecksWithoutTheirHealthAndKeepsTheOthers()
    {
        foreach (var profile in new[] { "p-1", "p-2", "p-3" })
        {
            await Held.HoldAsync(Check("b-1", profile, "www.instagram.com"), Now.AddHours(1), Cancellation);
        }

        await Held.HoldAsync(Check("b-1", "p-later", "www.instagram.com"), Now.AddHours(3), Cancellation);
        await Held.HoldAsync(Check("b-1", "p-elsewhere", "www.pinterest.com"), Now.AddHours(1), Cancellation);
        time.Advance(TimeSpan.FromHours(1));

        var resumed = await Held.ResumeAsync(new HeldChecksDue("www.instagram.com", Now.AddHours(1)), Cancellation);

        Assert.Equal(3, resumed);
        var sent = (await Queue(CheckQueue.QueueName).ReceiveMessagesAsync(32, cancellationToken: Cancellation)).Value.Select(m => CheckProfileMessage.Read(m.Body.ToString())).ToArray();
        Assert.Equal(["p-1", "p-2", "p-3"], sent.Select(c => c.ProfileId).Order(StringComparer.Ordinal));
        Assert.All(sent, c => Assert.Equal((null, null), (c.Health, c.Address)));
        Assert.Equal(["p-elsewhere", "p-later"], (await Store.ListAsync("b-1", Cancellation)).Select(h => h.Value.Check.ProfileId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("09:00:00", "09:00:00")]
    [InlineData("09:00:00.001", "09:01:00")]
    [InlineData("09:00:59", "09:01:00")]
    public void ComesDueOnTheMinuteAtOrAfterTheRetryTime(string retryAt, string dueAt)
    {
        var held = HeldCheck.Of(Check("b", "p", "x.example"), OnTheDay(retryAt));

        Assert.Equal(OnTheDay(dueAt), HeldChecksDue.For(held).At);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static CheckProfileMessage Check(string businessId, string profileId, string host) =>
        new("sweep-1", businessId, profileId, new Uri($"https://{host}/{profileId}/"), Network.Other, 3, new KnownHealth(null, null));

    private static DateTimeOffset OnTheDay(string timeOfDay) => new(Now.Date.Add(TimeSpan.Parse(timeOfDay, CultureInfo.InvariantCulture)), TimeSpan.Zero);

    private QueueClient Queue(string baseName) => services.GetRequiredService<QueueServiceClient>().GetQueueClient(Names.Queue(baseName));

    private async Task<int> LengthAsync(string baseName) => (await Queue(baseName).GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount;
}
