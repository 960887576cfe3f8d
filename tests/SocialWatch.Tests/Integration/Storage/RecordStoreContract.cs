using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Storage;

/// <summary>
/// What every store promises (<see cref="IRecordStore{TKey, TRecord}"/>), run against Azurite for each store: versions
/// change on every write, a stale version never overwrites, and a tenant purge removes that tenant only.
/// </summary>
public abstract class RecordStoreContract<TKey, TRecord> : IAsyncDisposable
{
    protected RecordStoreContract(AzuriteFixture azurite)
    {
        Services = TestStorage.Services(azurite);
    }

    protected ServiceProvider Services { get; }

    protected abstract IRecordStore<TKey, TRecord> Store { get; }

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A record of the business, distinct from the other records numbered differently.</summary>
    protected abstract TRecord NewRecord(string businessId, int number);

    /// <summary>The same record (same key) with different content.</summary>
    protected abstract TRecord Changed(TRecord record);

    protected abstract TKey KeyOf(TRecord record);

    /// <summary>How many records one business can hold in this store.</summary>
    protected virtual int RecordsPerBusiness => 3;

    protected static string NewBusinessId() => "b-" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task FindsNothingUnderAMissingKey() => Assert.Null(await Store.FindAsync(KeyOf(NewRecord(NewBusinessId(), 1)), Cancellation));

    [Fact]
    public async Task FindsAnInsertedRecordAtTheVersionTheInsertReturned()
    {
        var record = NewRecord(NewBusinessId(), 1);

        var inserted = await Store.InsertAsync(record, Cancellation);
        var found = await Store.FindAsync(KeyOf(record), Cancellation);

        Assert.Equal(WriteStatus.Written, inserted.Status);
        Assert.NotNull(found);
        AssertSame(record, found.Value);
        Assert.Equal(inserted.Version, found.Version);
    }

    [Fact]
    public async Task RefusesToInsertOverAnExistingRecord()
    {
        var record = NewRecord(NewBusinessId(), 1);
        await Store.InsertAsync(record, Cancellation);

        var second = await Store.InsertAsync(Changed(record), Cancellation);

        Assert.Equal(WriteStatus.AlreadyExists, second.Status);
        AssertSame(record, (await Store.FindAsync(KeyOf(record), Cancellation))!.Value);
    }

    [Fact]
    public async Task ReplacesAtTheCurrentVersionAndMovesTheVersionOn()
    {
        var record = NewRecord(NewBusinessId(), 1);
        var inserted = await Store.InsertAsync(record, Cancellation);

        var replaced = await Store.ReplaceAsync(Changed(record), inserted.Version, Cancellation);

        Assert.Equal(WriteStatus.Written, replaced.Status);
        Assert.NotEqual(inserted.Version, replaced.Version);
        var found = await Store.FindAsync(KeyOf(record), Cancellation);
        AssertSame(Changed(record), found!.Value);
        Assert.Equal(replaced.Version, found.Version);
    }

    [Fact]
    public async Task RefusesToReplaceAtAStaleVersion()
    {
        var record = NewRecord(NewBusinessId(), 1);
        var inserted = await Store.InsertAsync(record, Cancellation);
        var current = await Store.ReplaceAsync(record, inserted.Version, Cancellation);

        var stale = await Store.ReplaceAsync(Changed(record), inserted.Version, Cancellation);

        Assert.Equal(WriteStatus.VersionMismatch, stale.Status);
        var found = await Store.FindAsync(KeyOf(record), Cancellation);
        AssertSame(record, found!.Value);
        Assert.Equal(current.Version, found.Version);
    }

    [Fact]
    public async Task RefusesToReplaceAMissingRecord()
    {
        var record = NewRecord(NewBusinessId(), 1);

        var replaced = await Store.ReplaceAsync(record, null, Cancellation);

        Assert.Equal(WriteStatus.NotFound, replaced.Status);
        Assert.Null(await Store.FindAsync(KeyOf(record), Cancellation));
    }

    [Fact]
    public async Task UpsertCreatesThenReplaces()
    {
        var record = NewRecord(NewBusinessId(), 1);

        var created = await Store.UpsertAsync(record, Cancellation);
        var replaced = await Store.UpsertAsync(Changed(record), Cancellation);

        Assert.NotEqual(created.Version, replaced.Version);
        AssertSame(Changed(record), (await Store.FindAsync(KeyOf(record), Cancellation))!.Value);
    }

    [Fact]
    public async Task KeepsARecordWhenDeletedAtAStaleVersion()
    {
        var record = NewRecord(NewBusinessId(), 1);
        var inserted = await Store.InsertAsync(record, Cancellation);
        await Store.ReplaceAsync(Changed(record), inserted.Version, Cancellation);

        var deleted = await Store.DeleteAsync(KeyOf(record), inserted.Version, Cancellation);

        Assert.Equal(WriteStatus.VersionMismatch, deleted.Status);
        Assert.NotNull(await Store.FindAsync(KeyOf(record), Cancellation));
    }

    [Fact]
    public async Task DeletesAtTheCurrentVersion()
    {
        var record = NewRecord(NewBusinessId(), 1);
        var inserted = await Store.InsertAsync(record, Cancellation);

        var deleted = await Store.DeleteAsync(KeyOf(record), inserted.Version, Cancellation);

        Assert.Equal(WriteStatus.Written, deleted.Status);
        Assert.Null(await Store.FindAsync(KeyOf(record), Cancellation));
    }

    [Fact]
    public async Task ReportsADeleteOfAMissingRecord()
    {
        var unconditional = await Store.DeleteAsync(KeyOf(NewRecord(NewBusinessId(), 1)), null, Cancellation);

        Assert.Equal(WriteStatus.NotFound, unconditional.Status);
    }

    [Fact]
    public async Task ListsTheRecordsOfOneBusinessOnly()
    {
        var listed = NewBusinessId();
        var other = NewBusinessId();
        var records = Enumerable.Range(1, RecordsPerBusiness).Select(n => NewRecord(listed, n)).ToArray();
        foreach (var record in records.Append(NewRecord(other, 1)))
        {
            await Store.InsertAsync(record, Cancellation);
        }

        var found = await Store.ListAsync(listed, Cancellation);

        Assert.Equal(records.Length, found.Count);
        foreach (var record in records)
        {
            AssertSame(record, Assert.Single(found, f => Equals(KeyOf(f.Value), KeyOf(record))).Value);
        }
    }

    [Fact]
    public async Task PurgesOneBusinessOnlyAndCanPurgeAgain()
    {
        var purged = NewBusinessId();
        var kept = NewBusinessId();
        var records = Enumerable.Range(1, RecordsPerBusiness).SelectMany(n => new[] { NewRecord(purged, n), NewRecord(kept, n) }).ToArray();
        foreach (var record in records)
        {
            Assert.Equal(WriteStatus.Written, (await Store.InsertAsync(record, Cancellation)).Status);
        }

        await Store.DeleteTenantAsync(purged, Cancellation);
        await Store.DeleteTenantAsync(purged, Cancellation);

        foreach (var (record, index) in records.Select((r, i) => (r, i)))
        {
            var found = await Store.FindAsync(KeyOf(record), Cancellation);
            Assert.Equal(index % 2 == 1, found is not null);
        }
    }

    /// <summary>Records hold lists, so compare what they serialise to.</summary>
    protected static void AssertSame(TRecord expected, TRecord actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, JsonSerializerOptions.Web), JsonSerializer.Serialize(actual, JsonSerializerOptions.Web));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
