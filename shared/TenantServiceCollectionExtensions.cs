using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Access;
using SocialWatch.Businesses;
using SocialWatch.Plans;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch;

public static class TenantServiceCollectionExtensions
{
    /// <summary>
    /// Businesses, their plans, profiles and API keys: stores on Table Storage (after AddSocialWatchStorage), services and the
    /// API and sign-in link options (validated at start: no admin key or link signing key, no start). Each per-business store is also an <see cref="ITenantData"/>,
    /// purged when its business is deleted.
    /// </summary>
    public static IServiceCollection AddTenants(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSignInLinks(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IBusinessStore, TableBusinessStore>();
        services.AddTenantStore<IPlanStore, TablePlanStore>();
        services.AddTenantStore<IProfileStore, TableProfileStore>();
        services.AddTenantStore<IApiKeyStore, TableApiKeyStore>();

        services.AddSingleton<BusinessService>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<AccessService>();
        return services;
    }

    /// <summary>Registers a store of per-business data under its port and as <see cref="ITenantData"/> (one instance for both).</summary>
    public static IServiceCollection AddTenantStore<TPort, TStore>(this IServiceCollection services)
        where TPort : class, ITenantData
        where TStore : class, TPort
    {
        services.AddSingleton<TPort, TStore>();
        services.AddSingleton<ITenantData>(provider => provider.GetRequiredService<TPort>());
        return services;
    }
}
