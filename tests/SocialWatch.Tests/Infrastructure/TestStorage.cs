using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Access;
using SocialWatch.Engagement;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>The app's storage, tenant and engagement services on the test run's Azurite, under a fresh table prefix.</summary>
public static class TestStorage
{
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
}
