using Microsoft.Extensions.Options;
using SocialWatch.Settings;

namespace SocialWatch.Access;

/// <summary>The API's own settings: the admin key (creates businesses, issues their keys) and the request body cap.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "SocialWatch:Api";
    public const int MinAdminKeyLength = 32;

    /// <summary>Give it as configuration <c>SocialWatch:Api:AdminKey</c> (environment: <c>SocialWatch__Api__AdminKey</c>).</summary>
    public string AdminKey { get; set; } = string.Empty;

    /// <summary>Larger request bodies are refused with 413 before they are parsed.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (KeyVaultReference.IsUnresolved(options.AdminKey))
        {
            failures.Add(KeyVaultReference.Explain($"{ApiOptions.SectionName}:AdminKey"));
        }
        else if (string.IsNullOrWhiteSpace(options.AdminKey) || options.AdminKey.Trim().Length < ApiOptions.MinAdminKeyLength)
        {
            failures.Add($"{ApiOptions.SectionName}:AdminKey is required and must be at least {ApiOptions.MinAdminKeyLength} characters (a random secret, e.g. `openssl rand -base64 33`); set it in configuration or as the environment variable SocialWatch__Api__AdminKey.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            failures.Add($"{ApiOptions.SectionName}:MaxRequestBodyBytes must be from 1024 to 4194304; it is {options.MaxRequestBodyBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
