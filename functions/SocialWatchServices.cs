using SocialWatch.Alerts;
using SocialWatch.Checks;
using SocialWatch.Collectors;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Web;
using SocialWatch.Storage;
using SocialWatch.Telemetry;

namespace SocialWatch.Functions;

public static class SocialWatchServices
{
    /// <summary>Everything the functions' constructors ask for: storage, the tenants and their API, alerts, checks, collection, engagement.</summary>
    public static IServiceCollection AddSocialWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSocialWatchMetrics();
        services.AddSocialWatchStorage(configuration);
        services.AddSocialWatchApi(configuration);
        services.AddAlerts(configuration);
        services.AddProfileCollection(configuration);
        services.AddProfileMonitoring(configuration);
        services.AddWebAssets();
        services.AddEngagement(configuration);
        services.AddDemoData(configuration);
        return services;
    }
}
