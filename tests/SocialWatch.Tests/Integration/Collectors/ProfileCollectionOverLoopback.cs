using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using SocialWatch.Businesses;
using SocialWatch.Checks;
using SocialWatch.Collectors;
using SocialWatch.Collectors.Collection;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Unit.Collectors;

namespace SocialWatch.Tests.Integration.Collectors;

/// <summary>
/// Collection as the app wires it (the checks' guarded fetcher, the collection table on Azurite, the collect queue), against the
/// sources played from fixtures by a loopback Kestrel, on a fixed clock (Monday 16 Nov 2026, noon UTC: last week is 9 to 15 Nov).
/// </summary>
public sealed class ProfileCollectionOverLoopback(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly LastWeek = new(2026, 11, 9);

    private readonly FakeTimeProvider clock = CollectorFixtures.Clock();
    private readonly RecordedSnapshots snapshots = new();
    private readonly RecordedActivity activity = new();
    private readonly string prefix = AzuriteFixture.NewPrefix();
    private readonly string businessId = "b-" + Guid.NewGuid().ToString("N")[..12];
    private SourceServer server = null!;
    private ServiceProvider services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ProfileCollection Collection => services.GetRequiredService<ProfileCollection>();

    public async ValueTask InitializeAsync()
    {
        server = await SourceServer.StartAsync(clock.GetUtcNow);
        var settings = TestSettings.For(azurite, prefix);
        settings["SocialWatch:Checks:AllowLoopback"] = "true";
        // The fake clock only moves when a test moves it: no politeness pause or retry delay may wait on it.
        settings["SocialWatch:Checks:MinimumInterval"] = "00:00:00";
        settings["SocialWatch:Checks:MaxRetries"] = "0";
        settings["SocialWatch:Collectors:BlueskyAppView"] = server.BaseAddress.ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "SocialWatch.Tests", ContentRootPath = AppContext.BaseDirectory })
            .AddSocialWatchStorage(configuration)
            .AddTenants(configuration)
            .AddProfileCollection(configuration)
            .AddSingleton<ISnapshotQueue>(snapshots)
            .AddSingleton<IProfileActivityLog>(activity)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<IBusinessStore>().InsertAsync(
            new Business(businessId, "Rosa's Bakery", ["https://rosasbakery.example/"], Audience.Consumer, "Europe/Paris",
                new Person("Rosa", "rosa@rosasbakery.example"), [], clock.GetUtcNow(), clock.GetUtcNow()),
            Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task SendsTheFeedsValidatorsBackAndA304ChangesNothing()
    {
        var blog = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", server.Url("/feeds/wordpress-rss2.xml").ToString());
        Assert.Equal(CollectOutcome.Collected, await Collection.CollectAsync(blog, Cancel));
        var first = await StateAsync(blog);

        clock.Advance(TimeSpan.FromHours(6));
        var second = await Collection.CollectAsync(blog, Cancel);

        var requests = server.RequestsTo("/feeds/wordpress-rss2.xml");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1-wordpress-rss2.xml\"", requests[1].Header("If-None-Match"));
        Assert.Equal(SourceServer.LastModified, requests[1].Header("If-Modified-Since"));
        Assert.Equal(CollectOutcome.Unchanged, second);
        var after = await StateAsync(blog);
        Assert.Equal(CollectionStatus.Unchanged, after.LastStatus);
        Assert.Equal(first with { LastCollectedAt = null, LastStatus = null, NextDueAt = default, LifeSeenAt = null },
            after with { LastCollectedAt = null, LastStatus = null, NextDueAt = default, LifeSeenAt = null });
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(6), after.NextDueAt);
        Assert.Single(snapshots.Items);
    }

    [Fact]
    public async Task GivesAFeedProfileItsLastActivityAndLastWeeksSnapshot()
    {
        var blog = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", server.Url("/feeds/wordpress-rss2.xml").ToString());

        await Collection.CollectAsync(blog, Cancel);

        var state = await StateAsync(blog);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), state.LastActivityAt);
        Assert.Equal((blog, new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), ActivitySource.Collector), Assert.Single(activity.Entries));
        var snapshot = Assert.Single(snapshots.Items);
        Assert.Equal((businessId, blog.ProfileId, Network.Blog), (snapshot.BusinessId, snapshot.ProfileId, snapshot.Network));
        Assert.Equal((LastWeek, new DateOnly(2026, 11, 15)), (snapshot.PeriodStart, snapshot.PeriodEnd));
        Assert.Equal(EngagementSnapshot.NaturalId(blog.ProfileId, LastWeek, new DateOnly(2026, 11, 15)), snapshot.SnapshotId);
        Assert.Equal(1, snapshot.Posts); // 11 Nov 17:30 EST; the others are this week, undated, in the future or in October
        Assert.Equal(LastWeek, state.LastSnapshotWeek);
        Assert.Empty(new SnapshotValidator(Microsoft.Extensions.Options.Options.Create(new ScoringOptions()), clock).Validate(snapshot));
    }

    [Fact]
    public async Task CollectsAMastodonAccountWithItsFollowersStatusesAndWeek()
    {
        var mastodon = await AddProfileAsync(Network.Mastodon, server.MastodonProfile("alice"));

        await Collection.CollectAsync(mastodon, Cancel);

        Assert.Single(server.RequestsTo("/api/v1/accounts/lookup"));
        var statuses = Assert.Single(server.Requests, r => r.Path.EndsWith("/statuses", StringComparison.Ordinal));
        Assert.Equal("?limit=40", statuses.Query);
        var snapshot = Assert.Single(snapshots.Items);
        Assert.Equal((1843L, 1L, 31L, 4L, 9L), (snapshot.Followers, snapshot.Posts, snapshot.Reactions, snapshot.Comments, snapshot.Shares));
        var state = await StateAsync(mastodon);
        Assert.Equal("109302436954721982", state.SourceId);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 17, 5, 22, 391, TimeSpan.Zero), state.LastActivityAt);

        // The next collection knows the account id: accounts/:id instead of a lookup.
        clock.Advance(TimeSpan.FromHours(6));
        await Collection.CollectAsync(mastodon, Cancel);
        Assert.Single(server.RequestsTo("/api/v1/accounts/lookup"));
        Assert.Single(server.RequestsTo("/api/v1/accounts/109302436954721982"));
    }

    [Fact]
    public async Task ReschedulesAtTheResetWhenMastodonDeclaresItsRateLimitSpent()
    {
        var busy = await AddProfileAsync(Network.Mastodon, server.MastodonProfile("busy"));
        var neighbour = await AddProfileAsync(Network.Mastodon, server.MastodonProfile("alice"));
        var reset = clock.GetUtcNow().AddMinutes(10);

        await Collection.CollectAsync(busy, Cancel);
        var neighbourOutcome = await Collection.CollectAsync(neighbour, Cancel);

        // Nothing more went to the instance: not the busy account's statuses, not the neighbour's lookup.
        Assert.Single(server.Requests);
        var state = await StateAsync(busy);
        Assert.Equal(reset, state.NextDueAt);
        Assert.Equal(CollectionStatus.Collected, state.LastStatus);
        Assert.Equal(1843, state.Followers);
        Assert.Equal(CollectOutcome.Failed, neighbourOutcome);
        var neighbourState = await StateAsync(neighbour);
        Assert.Equal(CollectionErrorKind.RateLimited, neighbourState.LastErrorKind);
        Assert.Equal(reset, neighbourState.NextDueAt);
        Assert.Equal(0, neighbourState.ConsecutiveFailures);
        Assert.Empty(snapshots.Items);

        // At the reset the busy profile is due again and its week is still owed.
        Assert.Equal(0, await Collection.SweepAsync(Cancel));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, await Collection.SweepAsync(Cancel));
    }

    [Fact]
    public async Task ReschedulesAtTheResetWhenTheBlueskyAppViewDeclaresItsRateLimitSpent()
    {
        var busy = await AddProfileAsync(Network.Bluesky, "https://bsky.app/profile/busy.test");
        var reset = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds());

        await Collection.CollectAsync(busy, Cancel);

        Assert.Empty(server.RequestsTo("/xrpc/app.bsky.feed.getAuthorFeed"));
        var state = await StateAsync(busy);
        Assert.Equal((reset, 2604L), (state.NextDueAt, state.Followers));
        Assert.Empty(snapshots.Items);
    }

    [Fact]
    public async Task ReportsAMovedMastodonAccountToTheProfileChecks()
    {
        var moved = await AddProfileAsync(Network.Mastodon, server.MastodonProfile("moved"));

        await Collection.CollectAsync(moved, Cancel);

        var state = await StateAsync(moved);
        Assert.Equal((LifeSignal.Moved, "https://books.social/@harbourbooks"), (state.Life, state.MovedTo));
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/statuses", StringComparison.Ordinal));
        var signal = await LifeSignalAsync(moved);
        Assert.Equal(CheckClass.Moved, signal!.Class);
        Assert.Equal(new Uri("https://books.social/@harbourbooks"), signal.Evidence.MovedTo);
        Assert.Equal("collector-moved", signal.Evidence.RuleId);
        Assert.Equal(clock.GetUtcNow(), signal.CheckedAt);
    }

    [Fact]
    public async Task ReportsABlueskyTakedownToTheProfileChecks()
    {
        var takenDown = await AddProfileAsync(Network.Bluesky, "https://bsky.app/profile/taken-down.test");

        await Collection.CollectAsync(takenDown, Cancel);

        Assert.Equal(LifeSignal.TakenDown, (await StateAsync(takenDown)).Life);
        Assert.Empty(server.RequestsTo("/xrpc/app.bsky.feed.getAuthorFeed"));
        var signal = await LifeSignalAsync(takenDown);
        Assert.Equal(CheckClass.Dead, signal!.Class);
        Assert.Equal("collector-takendown", signal.Evidence.RuleId);
        var view = await Collection.ViewAsync(takenDown, Cancel);
        Assert.Equal(("bluesky", "taken-down"), (view.Value!.Collector, view.Value.Life));
        Assert.Empty(snapshots.Items);
    }

    [Fact]
    public async Task CollectsABlueskyProfileWithItsFollowersAndWeek()
    {
        var bluesky = await AddProfileAsync(Network.Bluesky, "https://bsky.app/profile/rosasbakery.bsky.social");

        await Collection.CollectAsync(bluesky, Cancel);

        Assert.Equal("?actor=rosasbakery.bsky.social", Assert.Single(server.RequestsTo("/xrpc/app.bsky.actor.getProfile")).Query);
        Assert.Contains("actor=did%3Aplc%3Az72i7hdynmk6r22z27h6tvur", Assert.Single(server.RequestsTo("/xrpc/app.bsky.feed.getAuthorFeed")).Query, StringComparison.Ordinal);
        var snapshot = Assert.Single(snapshots.Items);
        // 14 Nov (55 likes) and the post dated 2099, counted when the AppView indexed it (1 like); the 10 Nov repost is not the profile's.
        Assert.Equal((2604L, 2L, 56L, 3L, 9L), (snapshot.Followers, snapshot.Posts, snapshot.Reactions, snapshot.Comments, snapshot.Shares));
        Assert.Equal(CheckClass.Alive, (await LifeSignalAsync(bluesky))!.Class);
    }

    [Fact]
    public async Task RecordsABrokenFeedForItsProfileAndTheSweepGoesOn()
    {
        var broken = await AddProfileAsync(Network.Blog, "https://broken.example/", server.Url("/feeds/invalid.xml").ToString());
        var good = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", server.Url("/feeds/wordpress-rss2.xml").ToString());
        var none = await AddProfileAsync(Network.Instagram, "https://www.instagram.com/rosasbakery/");

        Assert.Equal(2, await Collection.SweepAsync(Cancel));
        var collected = new Dictionary<ProfileKey, CollectOutcome>();
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{CollectionQueue.QueueName}", StorageServiceCollectionExtensions.QueueClientOptions());
        foreach (var message in (await queue.ReceiveMessagesAsync(32, cancellationToken: Cancel)).Value)
        {
            var request = CollectionQueue.Read(message.Body.ToString());
            collected[request.Profile] = await Collection.CollectAsync(request, Cancel);
        }

        Assert.Equal(new Dictionary<ProfileKey, CollectOutcome> { [broken] = CollectOutcome.Failed, [good] = CollectOutcome.Collected }, collected);
        var state = await StateAsync(broken);
        Assert.Equal((CollectionErrorKind.InvalidDocument, 1), (state.LastErrorKind, state.ConsecutiveFailures));
        Assert.StartsWith("Invalid XML", state.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(1), state.NextDueAt);
        Assert.Null(await LifeSignalAsync(broken));
        Assert.Null(await services.GetRequiredService<ICollectionStateStore>().FindAsync(none, Cancel));
        var view = (await Collection.ViewAsync(broken, Cancel)).Value!;
        Assert.Equal(("invalid-document", 1), (view.LastError!.Kind, view.ConsecutiveFailures));

        // Neither is due on the next sweep; after the back-off only the broken one is, then twice as late.
        Assert.Equal(0, await Collection.SweepAsync(Cancel));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Collection.SweepAsync(Cancel));
        await Collection.CollectAsync(broken, Cancel);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(2), (await StateAsync(broken)).NextDueAt);
    }

    [Fact]
    public async Task RefusesAFeedAtACloudMetadataAddressThroughTheChecksGuard()
    {
        var metadata = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", "http://169.254.169.254/latest/meta-data/feed.xml");

        Assert.Equal(CollectOutcome.Failed, await Collection.CollectAsync(metadata, Cancel));

        var state = await StateAsync(metadata);
        Assert.Equal(CollectionErrorKind.Refused, state.LastErrorKind);
        Assert.Contains("169.254.169.254", state.LastError, StringComparison.Ordinal);
        Assert.Null(state.LastActivityAt);
    }

    [Fact]
    public async Task StartsAfreshWhenTheProfileNamesAnotherFeed()
    {
        var blog = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", server.Url("/feeds/invalid.xml").ToString());
        await Collection.CollectAsync(blog, Cancel);
        var profiles = services.GetRequiredService<IProfileStore>();
        var profile = (await profiles.FindAsync(blog, Cancel))!.Value;
        await profiles.UpsertAsync(profile with { FeedUrl = server.Url("/feeds/wordpress-rss2.xml").ToString() }, Cancel);

        // Not due by the old feed's back-off: the new feed is another source, due at once.
        Assert.Equal(1, await Collection.SweepAsync(Cancel));
        Assert.Equal(CollectOutcome.Collected, await Collection.CollectAsync(blog, Cancel));
        var state = await StateAsync(blog);
        Assert.Equal((0, (CollectionErrorKind?)null), (state.ConsecutiveFailures, state.LastErrorKind));
    }

    [Fact]
    public async Task CollectsFromTheStateTheMessageCarriesWithOneStateWriteAndNoStateRead()
    {
        var blog = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", server.Url("/feeds/wordpress-rss2.xml").ToString());
        var first = await SweptRequestAsync();
        Assert.Equal(CollectOutcome.Collected, await Collection.CollectAsync(first, Cancel));
        clock.Advance(TimeSpan.FromHours(7));
        var second = await SweptRequestAsync();
        Assert.Equal(blog, second.Profile);
        Assert.NotNull(second.Carried?.State);
        var storage = services.GetRequiredService<StorageOperations>();
        var before = storage.Tables.Count;

        Assert.Equal(CollectOutcome.Unchanged, await Collection.CollectAsync(second, Cancel));

        // The state write, and the profile read unless the read cache serves it: the state came in the message, and a 304
        // brings no newer activity to record.
        Assert.InRange(storage.Tables.Count - before, 1, 2);
        Assert.Equal(clock.GetUtcNow(), (await StateAsync(blog)).LastCollectedAt);
    }

    [Fact]
    public async Task AMessageDeliveredTwiceCollectsOnceAndTheSecondChangesNothing()
    {
        var blog = await AddProfileAsync(Network.Blog, "https://rosasbakery.example/", server.Url("/feeds/wordpress-rss2.xml").ToString());
        var request = await SweptRequestAsync();
        Assert.Equal(CollectOutcome.Collected, await Collection.CollectAsync(request, Cancel));
        var written = await services.GetRequiredService<ICollectionStateStore>().FindAsync(blog, Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(CollectOutcome.NotDue, await Collection.CollectAsync(request, Cancel));

        Assert.Equal(written, await services.GetRequiredService<ICollectionStateStore>().FindAsync(blog, Cancel));
        // The second may send last week's snapshot again before its write is refused: the same snapshot id, which scoring ignores.
        Assert.Single(snapshots.Items.Select(snapshot => snapshot.SnapshotId).Distinct());
    }

    /// <summary>Runs a sweep and takes the one collect message it sent.</summary>
    private async Task<CollectionRequest> SweptRequestAsync()
    {
        Assert.Equal(1, await Collection.SweepAsync(Cancel));
        var queue = new QueueClient(azurite.ConnectionString, $"{prefix}-{CollectionQueue.QueueName}", StorageServiceCollectionExtensions.QueueClientOptions());
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32, cancellationToken: Cancel)).Value);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Cancel);
        return CollectionQueue.Read(message.Body.ToString());
    }

    private async Task<ProfileKey> AddProfileAsync(Network network, string url, string? feedUrl = null)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var now = clock.GetUtcNow();
        await services.GetRequiredService<IProfileStore>().InsertAsync(new Profile(businessId, id, network, url, "rosasbakery", feedUrl, null, now, now), Cancel);
        return new ProfileKey(businessId, id);
    }

    private async Task<CollectionState> StateAsync(ProfileKey profile) =>
        (await services.GetRequiredService<ICollectionStateStore>().FindAsync(profile, Cancel))?.Value
        ?? throw new InvalidOperationException($"No collection state for {profile}.");

    private async Task<CheckResult?> LifeSignalAsync(ProfileKey key)
    {
        var profile = (await services.GetRequiredService<IProfileStore>().FindAsync(key, Cancel))!.Value;
        return await services.GetRequiredService<IProfileLifeSignals>().FindAsync(profile, Cancel);
    }
}
