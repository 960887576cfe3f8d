using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SocialWatch.Access;
using SocialWatch.Engagement;
using SocialWatch.Functions;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>The app's services on the test run's Azurite, in the test process.</summary>
public static class TestStorage
{
    /// <summary>Storage, tenant and engagement services under a fresh table prefix.</summary>
    public static ServiceProvider Services(AzuriteFixture azurite, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(azurite, AzuriteFixture.NewPrefix())).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSocialWatchStorage(configuration).AddTenants(configuration).AddEngagement(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Every service of the app (what its functions are made of) with <paramref name="settings"/>, as the worker builds them.</summary>
    public static ServiceProvider AppServices(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        // A development run, as the tests' hosts are: it admits the checks of loopback sites the fake networks serve.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "SocialWatch.Functions", ContentRootPath = AppContext.BaseDirectory });
        services.AddSocialWatch(configuration);
        replace?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
