using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialWatch.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the Table and Queue service clients once (they are thread-safe) from the AzureWebJobsStorage settings.</summary>
    public static IServiceCollection AddSocialWatchStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(options => options.ReadConnection(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<StorageNames>();
        services.AddSingleton<StorageTables>();
        services.AddSingleton<StorageOperations>();
        services.AddSingleton<QueueSends>();
        services.AddSingleton<RecordReadCache>();
        services.AddSingleton(provider => CreateTableClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<StorageOperations>()));
        services.AddSingleton(provider => CreateQueueServiceClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value, QueueClientOptions(), provider.GetRequiredService<StorageOperations>(), provider.GetRequiredService<QueueSends>()));
        return services;
    }

    /// <summary>The Functions host encodes queue messages as base64; every sender and receiver here does the same.</summary>
    public static QueueClientOptions QueueClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private static TableServiceClient CreateTableClient(StorageOptions options, StorageOperations operations)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(operations.Tables, HttpPipelinePosition.PerRetry);
        return options.UsesIdentity
            ? new TableServiceClient(options.TableServiceUri!, Credential(options), clientOptions)
            : new TableServiceClient(options.ConnectionString!, clientOptions);
    }

    /// <summary>
    /// A queue service client on the configured account with the given client options (a listener adds its own
    /// decoding-failure handling); its requests are counted with every other storage operation, and its sends seen by
    /// <paramref name="sends"/>.
    /// </summary>
    public static QueueServiceClient CreateQueueServiceClient(StorageOptions options, QueueClientOptions clientOptions, StorageOperations operations, QueueSends sends)
    {
        clientOptions.AddPolicy(operations.Queues, HttpPipelinePosition.PerRetry);
        clientOptions.AddPolicy(sends, HttpPipelinePosition.PerCall);
        return options.UsesIdentity
            ? new QueueServiceClient(options.QueueServiceUri!, Credential(options), clientOptions)
            : new QueueServiceClient(options.ConnectionString!, clientOptions);
    }

    private static TokenCredential Credential(StorageOptions options) =>
        string.Equals(options.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(options.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(options.ClientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
}
