using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Checks;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Collection;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;
using SocialWatch.Storage;

namespace SocialWatch.Collectors;

public static class CollectorsServiceCollectionExtensions
{
    /// <summary>The readers of feeds, Mastodon and Bluesky answers, with their limits checked at start. Fetching is not theirs.</summary>
    public static IServiceCollection AddCollectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CollectorOptions>().Bind(configuration.GetSection(CollectorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FeedReader>();
        services.AddSingleton<MastodonReader>();
        services.AddSingleton<BlueskyReader>();
        return services;
    }

    /// <summary>
    /// Collection from the open sources (after AddSocialWatchStorage): the readers, the profile checks' guarded fetcher they share,
    /// the collection state table (purged with its tenant), the collect queue, and the life signals the profile checks read.
    /// </summary>
    public static IServiceCollection AddProfileCollection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCollectors(configuration);
        services.AddProfileChecks(configuration);
        services.AddTenantStore<ICollectionStateStore, TableCollectionStateStore>();
        services.AddSingleton<SourceFetcher>();
        services.AddSingleton<SourceCollector>();
        services.AddSingleton<CollectionQueue>();
        services.AddSingleton<ProfileCollection>();
        services.AddSingleton<IProfileLifeSignals, CollectedLifeSignals>();
        return services;
    }
}
