using Microsoft.Extensions.Options;

namespace SocialWatch.Storage;

/// <summary>Every table and queue name the app uses, with the configured prefix applied in this one place.</summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string prefix = options.Value.Prefix;

    /// <summary>Table names are letters and digits only.</summary>
    public string Table(string baseName) => prefix + baseName;

    /// <summary>Queue names are lowercase letters, digits and single hyphens.</summary>
    public string Queue(string baseName) => prefix.Length == 0 ? baseName : $"{prefix}-{baseName}";
}
