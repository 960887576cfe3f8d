using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Access;
using SocialWatch.Telemetry;

namespace SocialWatch.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (Table Storage), its dispatch queue, the SMTP sender and the dashboard sign-in link every email ends with,
    /// with options checked at start.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSocialWatchMetrics();
        services.AddSingleton<IOutboxStore, TableOutboxStore>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<OutboxQueue>();
        services.AddSignInLinks(configuration);
        services.AddSingleton<DashboardLinkFooter>();
        services.AddSingleton<Outbox>();
        return services;
    }
}
