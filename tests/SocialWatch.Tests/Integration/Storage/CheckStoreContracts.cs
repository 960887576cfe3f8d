using SocialWatch.Alerts;
using SocialWatch.Checks;
using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Checks.Verdicts;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Storage;

file static class Checked
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static CheckResult Result(CheckClass checkClass, int minutes) => new(
        checkClass,
        new Uri("https://www.instagram.com/rose/"),
        At.AddMinutes(minutes),
        new CheckEvidence { RuleId = "instagram-page-unavailable", FinalUrl = new Uri("https://www.instagram.com/rose/"), Status = 200, Detail = "Sorry, this page isn't available." });
}

public class TableProfileHealthStoreContract(AzuriteFixture azurite) : RecordStoreContract<ProfileKey, ProfileHealth>(azurite)
{
    private TableProfileHealthStore? store;

    protected override IRecordStore<ProfileKey, ProfileHealth> Store => store ??= new TableProfileHealthStore(Get<StorageTables>());

    protected override ProfileHealth NewRecord(string businessId, int number) =>
        ProfileHealth.New(new ProfileKey(businessId, $"p-{number:000}")).WithCheck(Checked.Result(CheckClass.Dead, number)) with
        {
            Verdict = new HealthVerdict(DeclaredHealth.Unknown, null, 1, Checked.At, Checked.At, Checked.At, null),
            NextCheckAt = Checked.At.AddHours(12),
        };

    protected override ProfileHealth Changed(ProfileHealth record) =>
        record.WithCheck(Checked.Result(CheckClass.Alive, 600)).WithActivity(Checked.At.AddDays(-3), ActivitySource.Owner) with
        {
            Verdict = new HealthVerdict(DeclaredHealth.Moved, Checked.At, 0, null, null, Checked.At, new Uri("https://mastodon.example/@rose")),
            Alert = new AlertState(ProfileCondition.Dead, Checked.At, Checked.At, 2),
        };

    protected override ProfileKey KeyOf(ProfileHealth record) => record.Key;

    private IProfileHealthStore Health => (IProfileHealthStore)Store;

    [Fact]
    public async Task GroupedWritesOfABusyPartitionShareTransactionsAndEachGetsItsOwnVersion()
    {
        var businessId = NewBusinessId();
        var records = Enumerable.Range(0, 150).Select(i => NewRecord(businessId, i)).ToArray();
        var operations = Get<StorageOperations>();
        await Health.WriteGroupedAsync(NewRecord(businessId, 999), null, TestContext.Current.CancellationToken);
        var before = operations.Tables.Count;

        var written = await Task.WhenAll(records.Select(r => Health.WriteGroupedAsync(r, null, TestContext.Current.CancellationToken)));

        Assert.All(written, w => Assert.Equal(WriteStatus.Written, w.Status));
        Assert.InRange(operations.Tables.Count - before, 2, 30);
        var stored = (await Store.ListAsync(businessId, TestContext.Current.CancellationToken)).ToDictionary(h => h.Value.ProfileId);
        Assert.Equal(records.Select(r => stored[r.ProfileId].Version), written.Select(w => w.Version));
        Assert.Equal(records.Select(r => r.History.Count), records.Select(r => stored[r.ProfileId].Value.History.Count));
    }

    [Fact]
    public async Task AGroupedWriteRefusedForItsVersionOrAsExistingFailsAloneAndTheOthersAreWritten()
    {
        var businessId = NewBusinessId();
        var records = Enumerable.Range(0, 20).Select(i => NewRecord(businessId, i)).ToArray();
        var versions = await Task.WhenAll(records.Select(r => Health.WriteGroupedAsync(r, null, TestContext.Current.CancellationToken)));
        await Store.ReplaceAsync(Changed(records[5]), versions[5].Version, TestContext.Current.CancellationToken);

        var second = await Task.WhenAll(records.Select((r, i) => Health.WriteGroupedAsync(Changed(r), i == 12 ? null : versions[i].Version, TestContext.Current.CancellationToken)));

        Assert.Equal(WriteStatus.VersionMismatch, second[5].Status);
        Assert.Equal(WriteStatus.AlreadyExists, second[12].Status);
        Assert.Equal(18, second.Count(w => w.Status == WriteStatus.Written));
        var stored = (await Store.ListAsync(businessId, TestContext.Current.CancellationToken)).ToDictionary(h => h.Value.ProfileId);
        Assert.Equal(records[12].History.Count, stored[records[12].ProfileId].Value.History.Count);
        Assert.Equal(Changed(records[0]).History.Count, stored[records[0].ProfileId].Value.History.Count);
    }

    [Fact]
    public async Task TwoGroupedWritesOfOneProfileAtTheSameVersionGoInTwoTransactionsAndTheSecondIsRefused()
    {
        var record = NewRecord(NewBusinessId(), 1);
        var version = (await Store.InsertAsync(record, TestContext.Current.CancellationToken)).Version;

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Health.WriteGroupedAsync(Changed(record), version, TestContext.Current.CancellationToken)));

        Assert.Equal([WriteStatus.Written, WriteStatus.VersionMismatch], both.Select(w => w.Status).Order());
    }

    [Fact]
    public void KeepsTheLast30ResultsOnly()
    {
        var health = Enumerable.Range(1, 45).Aggregate(ProfileHealth.New(new ProfileKey("b", "p")), (h, i) => h.WithCheck(Checked.Result(CheckClass.Transient, i)));

        Assert.Equal(ProfileHealth.HistoryLength, health.History.Count);
        Assert.Equal(Checked.At.AddMinutes(45), health.History[^1].At);
        Assert.Equal(Checked.At.AddMinutes(16), health.History[0].At);
    }

    [Fact]
    public async Task ActivityLogKeepsTheLatestActivityWhateverTheOrderOfReports()
    {
        var log = new ProfileActivityLog((IProfileHealthStore)Store);
        var key = new ProfileKey(NewBusinessId(), "p-1");

        await log.RecordAsync(key, Checked.At, ActivitySource.Collector, Cancellation);
        await log.RecordAsync(key, Checked.At.AddDays(-2), ActivitySource.Owner, Cancellation);
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => log.RecordAsync(key, Checked.At.AddHours(i), ActivitySource.Snapshot, Cancellation)));

        Assert.Equal(new LastActivity(Checked.At.AddHours(6), ActivitySource.Snapshot), (await Store.FindAsync(key, Cancellation))!.Value.Activity);
    }
}

public class TableLinkAuditStoreContract(AzuriteFixture azurite) : RecordStoreContract<LinkAuditKey, LinkAuditEntry>(azurite)
{
    private TableLinkAuditStore? store;

    protected override IRecordStore<LinkAuditKey, LinkAuditEntry> Store => store ??= new TableLinkAuditStore(Get<StorageTables>(), Get<RecordReadCache>());

    protected override LinkAuditEntry NewRecord(string businessId, int number)
    {
        var url = new Uri($"https://www.instagram.com/rose{number}");
        return new LinkAuditEntry(
            businessId, LinkAuditKey.IdOf(url), url, "instagram", Network.Instagram, IsProfile: true, number % 2 == 0 ? $"p-{number}" : null,
            [new Uri("https://rose.example/"), new Uri("https://rose.example/about")],
            CheckSummary.Of(Checked.Result(CheckClass.Dead, number)), HealthVerdict.Initial with { DeadRun = 1 }, Checked.At);
    }

    protected override LinkAuditEntry Changed(LinkAuditEntry record) =>
        record with { Pages = [new Uri("https://rose.example/contact")], ProfileId = "p-changed", LastCheck = null, Verdict = HealthVerdict.Initial };

    protected override LinkAuditKey KeyOf(LinkAuditEntry record) => record.Key;
}

public class TableHeldCheckStoreContract(AzuriteFixture azurite) : RecordStoreContract<HeldCheckKey, HeldCheck>(azurite)
{
    private TableHeldCheckStore? store;

    protected override IRecordStore<HeldCheckKey, HeldCheck> Store => store ??= new TableHeldCheckStore(Get<StorageTables>());

    protected override HeldCheck NewRecord(string businessId, int number) => Held(businessId, $"p-{number:000}", "www.instagram.com");

    protected override HeldCheck Changed(HeldCheck record) => record with { RetryAt = record.RetryAt.AddHours(2) };

    protected override HeldCheckKey KeyOf(HeldCheck record) => record.Key;

    [Fact]
    public async Task ListsAHostsHeldChecksAcrossBusinessesAndNoOtherHosts()
    {
        var (rose, acme) = (NewBusinessId(), NewBusinessId());
        var host = $"h{Guid.NewGuid():N}.example";
        HeldCheck[] hosts = [Held(rose, "p-1", host), Held(acme, "p-2", host), Held(acme, "p-3", host)];
        HeldCheck[] others = [Held(rose, "p-4", "a" + host), Held(rose, "p-5", host + ".evil"), Held(acme, "p-6", "x." + host)];
        foreach (var held in hosts.Concat(others))
        {
            await Store.InsertAsync(held, Cancellation);
        }

        var listed = await ((IHeldCheckStore)Store).ListByHostAsync(host, Cancellation);

        Assert.Equal(["p-1", "p-2", "p-3"], listed.Select(h => h.Value.Check.ProfileId).Order(StringComparer.Ordinal));
        Assert.All(listed, h => Assert.Equal(host, h.Value.Host));
    }

    private static HeldCheck Held(string businessId, string profileId, string host) =>
        HeldCheck.Of(
            new CheckProfileMessage("sweep-1", businessId, profileId, new Uri($"https://{host}/{profileId}/"), Network.Instagram, 3, new KnownHealth(null, null)),
            Checked.At.AddHours(1));
}
