using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialWatch.Access;
using SocialWatch.Functions.Hosting;
using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app in memory (WebApplicationFactory) on the test run's Azurite, with its own table prefix and a known admin key.
/// A class fixture: one app per test class.
/// </summary>
public class ApiHost(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string AdminKey = TestSettings.AdminKey;

    private WebApplicationFactory<Program>? factory;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    /// <summary>Settings on top of storage and admin key, e.g. FUNCTIONS_CUSTOMHANDLER_PORT to run as a custom handler.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public ValueTask InitializeAsync()
    {
        factory = Create(azurite, AdminKey, Settings);
        Client = factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public static WebApplicationFactory<Program> Create(AzuriteFixture azurite, string adminKey, IReadOnlyDictionary<string, string>? settings = null) =>
        Create(azurite.ConnectionString, adminKey, settings);

    public static WebApplicationFactory<Program> Create(string storageConnection, string adminKey, IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in TestSettings.For(storageConnection, AzuriteFixture.NewPrefix()))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting($"{ApiOptions.SectionName}:AdminKey", adminKey);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app with FUNCTIONS_CUSTOMHANDLER_PORT set: the mode the Functions host starts it in.</summary>
public sealed class CustomHandlerApiHost(AzuriteFixture azurite) : ApiHost(azurite)
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { [FunctionsRuntime.CustomHandlerPortVariable] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
