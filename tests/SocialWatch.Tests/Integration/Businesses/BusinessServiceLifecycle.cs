using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Access;
using SocialWatch.Businesses;
using SocialWatch.Plans;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Businesses;

/// <summary>A business's life through the services, on Azurite: creation, and deletion that never shows a half-deleted tenant.</summary>
public sealed class BusinessServiceLifecycle(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly ServiceProvider services = TestStorage.Services(azurite);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private BusinessService Businesses => services.GetRequiredService<BusinessService>();

    private static BusinessInput Input(string? id, string name = "Rosé Bakery") =>
        new(name, ["https://rose.example/"], Audience.Consumer, "Europe/Paris", new PersonInput("Ann", "ann@rose.example"), Id: id);

    private static PlanInput PlanInput() => new(
        [new GoalInput(GoalMetric.Followers, 100, DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)))],
        [new NetworkPlanInput(Network.Instagram, NetworkRole.Primary, 3, "Bread.")],
        new PersonInput("Ann", "ann@rose.example"),
        DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)));

    /// <summary>A business with a plan, two profiles and a key, all through the services.</summary>
    private async Task<string> BusinessWithDataAsync()
    {
        var created = await Businesses.CreateAsync(Input("b-" + Guid.NewGuid().ToString("N")[..12]), Cancellation);
        var id = created.Value!.Id;
        Assert.True((await services.GetRequiredService<PlanService>().SaveAsync(id, PlanInput(), VersionCondition.None, Cancellation)).Succeeded);
        var profiles = services.GetRequiredService<ProfileService>();
        Assert.True((await profiles.CreateAsync(id, new ProfileInput(Network.Instagram, "https://instagram.example/rose", "rose"), Cancellation)).Succeeded);
        Assert.True((await profiles.CreateAsync(id, new ProfileInput(Network.Facebook, "https://facebook.example/rose", "rose"), Cancellation)).Succeeded);
        Assert.True((await services.GetRequiredService<ApiKeyService>().IssueAsync(id, new ApiKeyInput(ApiKeyRole.Owner, "owner"), Cancellation)).Succeeded);
        return id;
    }

    private async Task AssertNoDataLeftAsync(string id)
    {
        Assert.Null(await services.GetRequiredService<IBusinessStore>().FindAsync(id, Cancellation));
        Assert.Null(await services.GetRequiredService<IPlanStore>().FindAsync(id, Cancellation));
        Assert.Empty(await services.GetRequiredService<IProfileStore>().ListAsync(id, Cancellation));
        Assert.Empty(await services.GetRequiredService<IApiKeyStore>().ListAsync(id, Cancellation));
    }

    [Fact]
    public async Task DeleteRemovesTheBusinessAndEveryRecordOfIt()
    {
        var deleted = await BusinessWithDataAsync();
        var kept = await BusinessWithDataAsync();

        var outcome = await Businesses.DeleteAsync(deleted, VersionCondition.None, Cancellation);

        Assert.Equal(OutcomeStatus.Ok, outcome.Status);
        await AssertNoDataLeftAsync(deleted);
        Assert.Equal(2, (await services.GetRequiredService<IProfileStore>().ListAsync(kept, Cancellation)).Count);
        Assert.NotNull(await services.GetRequiredService<IPlanStore>().FindAsync(kept, Cancellation));
    }

    [Fact]
    public async Task ABusinessLeftHalfDeletedIsInvisibleUntilTheNextDeleteFinishesIt()
    {
        var id = await BusinessWithDataAsync();
        var store = services.GetRequiredService<IBusinessStore>();
        var current = (await store.FindAsync(id, Cancellation))!;
        // The state a crash leaves behind right after the business was marked: every row still there.
        await store.ReplaceAsync(current.Value with { Status = BusinessStatus.Deleting }, current.Version, Cancellation);
        var access = services.GetRequiredService<AccessService>();

        Assert.Equal(OutcomeStatus.NotFound, (await Businesses.GetAsync(id, Cancellation)).Status);
        Assert.DoesNotContain(id, (await Businesses.ListAsync("100", null, Cancellation)).Value!.Items.Select(b => b.Id));
        Assert.Equal(OutcomeStatus.NotFound, (await Businesses.ReplaceAsync(id, Input(id), VersionCondition.None, Cancellation)).Status);
        Assert.Equal(AccessStatus.NotFound, (await access.DecideAsync(ApiHost.AdminKey, AccessRule.TenantRead, id, Cancellation)).Status);
        Assert.Equal(AccessStatus.NotFound, (await access.DecideAsync(ApiHost.AdminKey, AccessRule.TenantWrite, id, Cancellation)).Status);
        Assert.Equal(AccessStatus.Granted, (await access.DecideAsync(ApiHost.AdminKey, AccessRule.TenantDelete, id, Cancellation)).Status);
        Assert.Equal(BusinessStatus.Deleting, (await store.FindAsync(id, Cancellation))!.Value.Status);

        // A stale If-Match does not stand in the way: the deletion was already decided.
        var finished = await Businesses.DeleteAsync(id, VersionCondition.Matches(current.Version), Cancellation);

        Assert.Equal(OutcomeStatus.Ok, finished.Status);
        await AssertNoDataLeftAsync(id);
    }

    [Fact]
    public async Task DeleteAtAStaleVersionChangesNothing()
    {
        var id = await BusinessWithDataAsync();
        var stale = (await Businesses.GetAsync(id, Cancellation)).Version!;
        await Businesses.ReplaceAsync(id, Input(id, "Renamed"), VersionCondition.None, Cancellation);

        var outcome = await Businesses.DeleteAsync(id, VersionCondition.Matches(stale), Cancellation);

        Assert.Equal(OutcomeStatus.VersionMismatch, outcome.Status);
        Assert.Equal("Renamed", (await Businesses.GetAsync(id, Cancellation)).Value!.Name);
        Assert.Equal(2, (await services.GetRequiredService<IProfileStore>().ListAsync(id, Cancellation)).Count);
    }

    [Fact]
    public async Task ANewBusinessDoesNotInheritRowsLeftUnderItsId()
    {
        var id = "b-" + Guid.NewGuid().ToString("N")[..12];
        var leftover = new Profile(id, ProfileRules.NewId(TimeProvider.System), Network.X, "https://x.example/old", "old", null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        await services.GetRequiredService<IProfileStore>().InsertAsync(leftover, Cancellation);

        var created = await Businesses.CreateAsync(Input(id), Cancellation);

        Assert.Equal(OutcomeStatus.Created, created.Status);
        Assert.Empty(await services.GetRequiredService<IProfileStore>().ListAsync(id, Cancellation));
    }

    [Fact]
    public async Task ATakenIdIsAConflictAndTheFirstBusinessKeepsItsData()
    {
        var id = await BusinessWithDataAsync();

        var second = await Businesses.CreateAsync(Input(id, "Impostor"), Cancellation);

        Assert.Equal(OutcomeStatus.Conflict, second.Status);
        Assert.Equal(["id"], second.Errors.Keys);
        Assert.Equal("Rosé Bakery", (await Businesses.GetAsync(id, Cancellation)).Value!.Name);
        Assert.Equal(2, (await services.GetRequiredService<IProfileStore>().ListAsync(id, Cancellation)).Count);
    }

    [Fact]
    public async Task AnIdMadeFromATakenNameGetsASuffix()
    {
        var name = "Bakery " + Guid.NewGuid().ToString("N")[..8];

        var first = await Businesses.CreateAsync(Input(null, name), Cancellation);
        var second = await Businesses.CreateAsync(Input(null, name), Cancellation);

        Assert.Equal(OutcomeStatus.Created, second.Status);
        Assert.StartsWith(first.Value!.Id + "-", second.Value!.Id, StringComparison.Ordinal);
        Assert.True(BusinessRules.IsId(second.Value.Id));
    }

    [Fact]
    public async Task ReplacingKeepsTheCreationTimeAndMovesTheVersion()
    {
        var created = await Businesses.CreateAsync(Input("b-" + Guid.NewGuid().ToString("N")[..12]), Cancellation);

        var replaced = await Businesses.ReplaceAsync(created.Value!.Id, Input(created.Value.Id, "Renamed"), VersionCondition.Matches(created.Version!), Cancellation);

        Assert.Equal(OutcomeStatus.Ok, replaced.Status);
        Assert.Equal(created.Value.CreatedAt, replaced.Value!.CreatedAt);
        Assert.NotEqual(created.Version, replaced.Version);
        Assert.Equal(OutcomeStatus.VersionMismatch, (await Businesses.ReplaceAsync(created.Value.Id, Input(created.Value.Id), VersionCondition.Matches(created.Version!), Cancellation)).Status);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
