using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Checks.Audits;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Checks;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// The profile checks wired to storage and alerts (after AddSocialWatchStorage, AddTenants and AddAlerts): profile health,
    /// link audits and held checks (per-business stores, purged with their business), the activity log, sweeps and their queues.
    /// </summary>
    public static IServiceCollection AddProfileMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProfileChecks(configuration);
        services.AddOptions<SweepOptions>().Bind(configuration.GetSection(SweepOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTenantStore<IProfileHealthStore, TableProfileHealthStore>();
        services.AddTenantStore<ILinkAuditStore, TableLinkAuditStore>();
        services.AddTenantStore<IHeldCheckStore, TableHeldCheckStore>();
        services.AddSingleton<IProfileActivityLog, ProfileActivityLog>();
        services.AddSingleton<SweepStore>();
        services.AddSingleton<SweepTallies>();
        services.AddSingleton<CheckQueue>();
        services.AddSingleton<SweepContinuationQueue>();
        services.AddSingleton<HeldChecks>();
        services.AddSingleton<AuditQueue>();
        services.AddSingleton<ProfileAlerts>();
        services.AddSingleton<ProfileCheckRunner>();
        services.AddSingleton<ProfileSweep>();
        services.AddSingleton<LinkAudits>();
        services.AddSingleton<HealthReports>();
        return services;
    }
}
