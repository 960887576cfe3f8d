using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Checks.Fetching;
using SocialWatch.Checks.Links;
using SocialWatch.Checks.Rules;
using SocialWatch.Checks.Staleness;
using SocialWatch.Checks.Verdicts;

namespace SocialWatch.Checks;

public static class ChecksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the profile checks: the guarded, polite fetcher, the rule data (loaded and validated at start), the
    /// classifier, staleness, the no-false-alarm policies and the website link audit. Options live under
    /// <c>SocialWatch:Checks</c> and are validated at start. Registers once however often it is called: the collectors share
    /// the fetcher and ask for it too.
    /// </summary>
    public static IServiceCollection AddProfileChecks(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(service => service.ServiceType == typeof(PageFetcher)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ProfileRuleSet.LoadEmbedded());

        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.SectionName))
            .PostConfigure(options =>
            {
                // Host names and site ids match whatever their case in configuration.
                options.ResolveOverrides = new(options.ResolveOverrides, StringComparer.OrdinalIgnoreCase);
                options.ApiOrigins = new(options.ApiOrigins, StringComparer.OrdinalIgnoreCase);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FetchOptions>, FetchOptionsValidator>();
        services.AddOptions<StalenessOptions>().Bind(configuration.GetSection(StalenessOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StalenessOptions>, StalenessOptionsValidator>();
        services.AddOptions<DeadDeclarationOptions>().Bind(configuration.GetSection(DeadDeclarationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SweepGuardOptions>().Bind(configuration.GetSection(SweepGuardOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.CanaryUrls.Count == 0)
                {
                    options.CanaryUrls.Add(SweepGuardOptions.DefaultCanary);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinkAuditOptions>().Bind(configuration.GetSection(LinkAuditOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(PageFetcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<AddressGuard>().CreateHandler())
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan) // the handler recycles its own connections (PooledConnectionLifetime)
            .RemoveAllLoggers();

        services.AddSingleton<AddressGuard>();
        services.AddSingleton<HostPoliteness>();
        services.AddSingleton<HostResilience>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<ResultClassifier>();
        services.AddSingleton<ProfileChecker>();
        services.AddSingleton<StalenessEvaluator>();
        services.AddSingleton<DeadDeclarationPolicy>();
        services.AddSingleton<SweepGuard>();
        services.AddSingleton<ConnectivityCanary>();
        services.AddSingleton<UrlNormaliser>();
        services.AddSingleton<LinkReader>();
        services.AddSingleton<SiteCrawler>();
        services.AddSingleton<WebsiteAuditor>();
        return services;
    }
}
