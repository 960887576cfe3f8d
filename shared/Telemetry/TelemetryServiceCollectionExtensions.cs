using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialWatch.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SocialWatchMetrics"/> (and the meter factory and clock it needs) once.</summary>
    public static IServiceCollection AddSocialWatchMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SocialWatchMetrics>();
        return services;
    }
}
