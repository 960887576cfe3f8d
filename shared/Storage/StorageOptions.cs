using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SocialWatch.Storage;

/// <summary>
/// Where state and work live. The connection follows the Functions convention: <c>AzureWebJobsStorage</c> holds a connection
/// string, or <c>AzureWebJobsStorage__accountName</c> / <c>__tableServiceUri</c> / <c>__queueServiceUri</c> (with optional
/// <c>__credential=managedidentity</c> and <c>__clientId</c>) select identity-based access.
/// </summary>
public sealed partial class StorageOptions
{
    public const string SectionName = "SocialWatch:Storage";
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>Prepended to every table and queue name; lets tests and side-by-side installs share one account.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>How long the API's hot records (keys, businesses, plans, profiles, scored histories) are served from memory; zero turns it off.</summary>
    public TimeSpan ReadCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most records kept in memory at once.</summary>
    public int ReadCacheEntries { get; set; } = 50_000;

    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    public bool UsesIdentity => string.IsNullOrEmpty(ConnectionString);

    /// <summary>Reads the AzureWebJobsStorage value or section into these options.</summary>
    public void ReadConnection(IConfiguration configuration)
    {
        var connection = configuration.GetSection(ConnectionName);
        ConnectionString = string.IsNullOrWhiteSpace(connection.Value) ? null : connection.Value;
        AccountName = connection["accountName"];
        Credential = connection["credential"];
        ClientId = connection["clientId"];
        TableServiceUri = Uri.TryCreate(connection["tableServiceUri"], UriKind.Absolute, out var tables) ? tables
            : AccountName is { Length: > 0 } ? new Uri($"https://{AccountName}.table.core.windows.net") : null;
        QueueServiceUri = Uri.TryCreate(connection["queueServiceUri"], UriKind.Absolute, out var queues) ? queues
            : AccountName is { Length: > 0 } ? new Uri($"https://{AccountName}.queue.core.windows.net") : null;
    }

    [GeneratedRegex("^([a-z][a-z0-9]{0,19})?$")]
    internal static partial Regex PrefixPattern();
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!StorageOptions.PrefixPattern().IsMatch(options.Prefix))
        {
            failures.Add($"{StorageOptions.SectionName}:Prefix must be empty or a lowercase letter followed by up to 19 lowercase letters or digits (it is part of table and queue names); it is '{options.Prefix}'.");
        }

        if (options.ReadCacheTtl < TimeSpan.Zero || options.ReadCacheTtl > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{StorageOptions.SectionName}:ReadCacheTtl must be from 00:00:00 (off) to 00:01:00: it bounds how long another instance's write may go unseen; it is {options.ReadCacheTtl}.");
        }

        if (options.ReadCacheEntries < 100)
        {
            failures.Add($"{StorageOptions.SectionName}:ReadCacheEntries must be at least 100; it is {options.ReadCacheEntries}.");
        }

        if (options.UsesIdentity && (options.TableServiceUri is null || options.QueueServiceUri is null))
        {
            failures.Add($"{StorageOptions.ConnectionName} is not set: give a connection string (UseDevelopmentStorage=true for Azurite), or {StorageOptions.ConnectionName}__accountName, or both {StorageOptions.ConnectionName}__tableServiceUri and {StorageOptions.ConnectionName}__queueServiceUri.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
