using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SocialWatch.Checks;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>The profile-check services as the app registers them, over in-memory settings and a declared environment.</summary>
public static class ChecksServices
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings, string environment = "Development")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = environment,
            ApplicationName = "SocialWatch.Tests",
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddProfileChecks(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
