using SocialWatch.Storage;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app as it runs (<see cref="AppHost"/>: the local host and the worker, as processes) on the test run's Azurite, under
/// a storage prefix of its own, with a known admin key. A class fixture: one app per test class. <see cref="Services"/> are
/// the app's own services in the test process, on the same storage, to seed or read what the API does not show.
/// </summary>
public class ApiHost(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string AdminKey = TestSettings.AdminKey;

    private AppHost? app;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider? services;

    public string Prefix { get; } = AzuriteFixture.NewPrefix();

    public AppHost App => app ?? throw new InvalidOperationException("The app has not started yet.");

    public HttpClient Client => App.Client;

    public Uri BaseAddress => App.BaseAddress;

    public IServiceProvider Services => services ??= TestStorage.AppServices(AllSettings);

    /// <summary>Settings on top of storage, admin key and the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    private Dictionary<string, string?> AllSettings
    {
        get
        {
            var all = TestSettings.For(azurite, Prefix);
            foreach (var (key, value) in Settings)
            {
                all[key] = value;
            }

            return all;
        }
    }

    public async ValueTask InitializeAsync() => app = await AppHost.StartAsync(AllSettings);

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The queue <paramref name="baseName"/> under this app's prefix, as the app sends to it.</summary>
    public Azure.Storage.Queues.QueueClient Queue(string baseName) =>
        new(azurite.ConnectionString, new StorageNames(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Prefix = Prefix })).Queue(baseName), StorageServiceCollectionExtensions.QueueClientOptions());
}
