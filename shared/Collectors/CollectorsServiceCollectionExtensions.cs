using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWatch.Collectors.Bluesky;
using SocialWatch.Collectors.Feeds;
using SocialWatch.Collectors.Mastodon;

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
}
