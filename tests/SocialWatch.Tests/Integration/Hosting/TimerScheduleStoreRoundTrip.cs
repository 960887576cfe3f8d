using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Timers;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Hosting;

/// <summary>Timer schedule status kept in Table Storage (Azurite), one row per function.</summary>
public sealed class TimerScheduleStoreRoundTrip(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TimerScheduleStore store = new(new StorageTables(
        new TableServiceClient(azurite.ConnectionString),
        new StorageNames(Options.Create(new StorageOptions { Prefix = AzuriteFixture.NewPrefix() }))));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HasNoStatusForATimerThatNeverRan()
    {
        Assert.Null(await store.GetAsync("Sweep", Cancel));
    }

    [Fact]
    public async Task ReturnsTheLatestStatusSavedForEachTimer()
    {
        await store.SaveAsync("Sweep", new TimerScheduleStatus(Noon, Noon.AddMinutes(5), Noon.AddSeconds(1)), Cancel);
        await store.SaveAsync("Sweep", new TimerScheduleStatus(Noon.AddMinutes(5), Noon.AddMinutes(10), Noon.AddMinutes(5).AddMilliseconds(250)), Cancel);
        await store.SaveAsync("Digest", new TimerScheduleStatus(Noon, Noon.AddDays(1), Noon), Cancel);

        Assert.Equal(new TimerScheduleStatus(Noon.AddMinutes(5), Noon.AddMinutes(10), Noon.AddMinutes(5).AddMilliseconds(250)), await store.GetAsync("Sweep", Cancel));
        Assert.Equal(new TimerScheduleStatus(Noon, Noon.AddDays(1), Noon), await store.GetAsync("Digest", Cancel));
    }
}
