using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Collection;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Integration.Storage;

namespace SocialWatch.Tests.Integration.Collectors;

public class TableCollectionStateStoreContract(AzuriteFixture azurite) : RecordStoreContract<ProfileKey, CollectionState>(azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 16, 12, 0, 0, 123, TimeSpan.Zero);

    protected override IRecordStore<ProfileKey, CollectionState> Store => new TableCollectionStateStore(Services.GetRequiredService<StorageTables>());

    protected override CollectionState NewRecord(string businessId, int number) => new()
    {
        Profile = new ProfileKey(businessId, $"profile-{number}"),
        Collector = CollectorKind.Feed,
        Source = $"https://blog.example/{number}/feed",
        NextDueAt = At.AddHours(number),
    };

    protected override CollectionState Changed(CollectionState record) => record with
    {
        Collector = CollectorKind.Mastodon,
        SourceId = "109302436954721982",
        Validators = new ValidatorSet("W/\"abc\"", "Mon, 16 Nov 2026 09:00:00 GMT"),
        LastItemId = "https://blog.example/p/1",
        LastItemAt = At.AddDays(-2),
        ItemsSeen = 40,
        LastActivityAt = At.AddDays(-1),
        Followers = 1843,
        Cursor = "110000",
        Life = LifeSignal.Moved,
        MovedTo = "https://books.social/@harbourbooks",
        LifeSeenAt = At,
        LastCollectedAt = At,
        LastStatus = CollectionStatus.Failed,
        LastErrorKind = CollectionErrorKind.InvalidDocument,
        LastError = "Invalid XML: unexpected end of file.",
        LastErrorAt = At,
        ConsecutiveFailures = 2,
        LastSnapshotWeek = new DateOnly(2026, 11, 9),
    };

    protected override ProfileKey KeyOf(CollectionState record) => record.Profile;
}
