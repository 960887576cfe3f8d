using System.Globalization;
using SocialWatch.Access;
using SocialWatch.Businesses;
using SocialWatch.Plans;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Validation;

namespace SocialWatch.Tests.Integration.Storage;

// Time stamps as Table Storage keeps them: to the microsecond tick it stores (100 ns), with offset zero.
file static class Stamps
{
    public static readonly DateTimeOffset Created = new(2026, 3, 10, 8, 30, 15, 123, TimeSpan.Zero);
}

public class TableBusinessStoreContract(AzuriteFixture azurite) : RecordStoreContract<string, Business>(azurite)
{
    protected override IRecordStore<string, Business> Store => Get<IBusinessStore>();

    protected override int RecordsPerBusiness => 1;

    protected override Business NewRecord(string businessId, int number) => new(
        businessId,
        $"Business {number}",
        ["https://one.example/", "https://two.example/"],
        Audience.Business,
        "Europe/Paris",
        new Person("Ann", "ann@one.example"),
        ["https://one.example"],
        Stamps.Created,
        Stamps.Created);

    protected override Business Changed(Business record) => record with { Name = "Renamed", Websites = ["https://three.example/"], Status = BusinessStatus.Deleting };

    protected override string KeyOf(Business record) => record.Id;

    [Fact]
    public async Task KeepsTheLongestListsTheRulesAllow()
    {
        var url = "https://rose.example/" + string.Concat(Enumerable.Repeat("😀", (FieldRules.MaxUrlLength - 21) / 2));
        var business = NewRecord(NewBusinessId(), 1) with
        {
            Websites = Enumerable.Range(0, BusinessRules.MaxWebsites).Select(i => url[..^2] + i.ToString("0", CultureInfo.InvariantCulture)).ToArray(),
            AllowedOrigins = [],
        };

        Assert.Equal(WriteStatus.Written, (await Store.InsertAsync(business, Cancellation)).Status);

        AssertSame(business, (await Store.FindAsync(business.Id, Cancellation))!.Value);
    }

    [Fact]
    public async Task ListsActiveBusinessesPageByPageAndSkipsThoseBeingDeleted()
    {
        var store = Get<IBusinessStore>();
        var active = Enumerable.Range(1, 5).Select(n => NewRecord($"active-{n}", n)).ToArray();
        foreach (var business in active.Append(NewRecord("deleting-1", 9) with { Status = BusinessStatus.Deleting }))
        {
            await store.InsertAsync(business, Cancellation);
        }

        var listed = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await store.ListActiveAsync(2, continuation, Cancellation);
            Assert.True(page.Items.Count <= 2);
            listed.AddRange(page.Items.Select(b => b.Value.Id));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(active.Select(b => b.Id), listed);
        Assert.True(pages >= 3, $"{pages} pages");
    }
}

public class TablePlanStoreContract(AzuriteFixture azurite) : RecordStoreContract<string, Plan>(azurite)
{
    protected override IRecordStore<string, Plan> Store => Get<IPlanStore>();

    protected override int RecordsPerBusiness => 1;

    protected override Plan NewRecord(string businessId, int number) => new(
        businessId,
        [new Goal("followers", GoalMetric.Followers, 1000 + number, "followers", new DateOnly(2030, 6, 30), 200), new Goal("rate", GoalMetric.EngagementRate, 2.5, null, new DateOnly(2030, 1, 1), null)],
        [new NetworkPlan(Network.Instagram, NetworkRole.Primary, 4, "Bread at dawn."), new NetworkPlan(Network.GoogleBusiness, NetworkRole.Presence, 0.25, "Hours.")],
        new Person("Ann", "ann@one.example"),
        new DateOnly(2029, 12, 1),
        Stamps.Created);

    protected override Plan Changed(Plan record) => record with { Networks = [.. record.Networks.Take(1)], NextReviewDate = record.NextReviewDate.AddDays(7) };

    protected override string KeyOf(Plan record) => record.BusinessId;

    [Theory]
    [InlineData("é")]
    [InlineData("\"")]
    [InlineData("😀")]
    [InlineData("<&>")]
    public async Task KeepsTheLargestPlanTheRulesAllow(string text)
    {
        var message = string.Concat(Enumerable.Repeat(text, PlanRules.MaxCoreMessageLength / text.Length));
        var networks = Enum.GetValues<Network>().Select(n => new NetworkPlan(n, NetworkRole.Primary, PlanRules.MaxPostsPerWeek, message)).ToArray();
        var goals = Enumerable.Range(1, PlanRules.MaxGoals).Select(i => new Goal(new string('g', PlanRules.MaxGoalIdLength - 2) + i.ToString("00", CultureInfo.InvariantCulture), GoalMetric.Conversions, 1, new string('u', PlanRules.MaxUnitLength), new DateOnly(2030, 1, 1), 0)).ToArray();
        var plan = NewRecord(NewBusinessId(), 1) with { Networks = networks, Goals = goals };

        Assert.Equal(WriteStatus.Written, (await Store.InsertAsync(plan, Cancellation)).Status);

        AssertSame(plan, (await Store.FindAsync(plan.BusinessId, Cancellation))!.Value);
    }
}

public class TableProfileStoreContract(AzuriteFixture azurite) : RecordStoreContract<ProfileKey, Profile>(azurite)
{
    protected override IRecordStore<ProfileKey, Profile> Store => Get<IProfileStore>();

    protected override Profile NewRecord(string businessId, int number) => new(
        businessId,
        ProfileRules.NewId(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Stamps.Created.AddSeconds(number))),
        Network.Mastodon,
        $"https://mastodon.example/@rose{number}",
        $"@rose{number}",
        number % 2 == 0 ? $"https://mastodon.example/@rose{number}.rss" : null,
        number % 2 == 0 ? null : "social@rose.example",
        Stamps.Created,
        Stamps.Created);

    protected override Profile Changed(Profile record) => record with { Network = Network.Bluesky, Handle = "rose.bsky.social", FeedUrl = null, OwnerEmail = "new@rose.example" };

    protected override ProfileKey KeyOf(Profile record) => new(record.BusinessId, record.Id);

    [Fact]
    public async Task ListsABusinesssProfilesOldestFirst()
    {
        var store = Get<IProfileStore>();
        var businessId = NewBusinessId();
        var profiles = Enumerable.Range(1, 12).Select(n => NewRecord(businessId, n)).ToArray();
        foreach (var profile in profiles.Reverse())
        {
            await store.InsertAsync(profile, Cancellation);
        }

        await store.InsertAsync(NewRecord(NewBusinessId(), 1), Cancellation);

        var listed = await store.ListAsync(businessId, Cancellation);

        Assert.Equal(profiles.Select(p => p.Id), listed.Select(p => p.Value.Id));
    }

    [Fact]
    public async Task PurgesMoreProfilesThanOneTransactionHolds()
    {
        var store = Get<IProfileStore>();
        var businessId = NewBusinessId();
        var count = (TableStorageExtensions.MaxTransactionSize * 2) + 17;
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation }, async (n, ct) => await store.InsertAsync(NewRecord(businessId, n), ct));
        Assert.Equal(count, (await store.ListAsync(businessId, Cancellation)).Count);

        await store.DeleteTenantAsync(businessId, Cancellation);

        Assert.Empty(await store.ListAsync(businessId, Cancellation));
    }
}

public class TableApiKeyStoreContract(AzuriteFixture azurite) : RecordStoreContract<ApiKeyId, ApiKeyRecord>(azurite)
{
    protected override IRecordStore<ApiKeyId, ApiKeyRecord> Store => Get<IApiKeyStore>();

    protected override ApiKeyRecord NewRecord(string businessId, int number)
    {
        var token = ApiKeyToken.New(businessId);
        return new ApiKeyRecord(businessId, $"{number:x16}", number % 2 == 0 ? ApiKeyRole.Owner : ApiKeyRole.Read, $"key {number}", Stamps.Created, token.SecretHash);
    }

    protected override ApiKeyRecord Changed(ApiKeyRecord record) => record with { Label = "relabelled", Role = ApiKeyRole.Owner };

    protected override ApiKeyId KeyOf(ApiKeyRecord record) => new(record.BusinessId, record.KeyId);
}
