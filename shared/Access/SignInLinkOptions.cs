using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Settings;

namespace SocialWatch.Access;

/// <summary>
/// The signed, expiring links in the emails that sign the owner in to the dashboard (read-only, one business). Rotation: put
/// the current key in <see cref="PreviousSigningKey"/> and a new one in <see cref="SigningKey"/>; links already sent keep
/// working until they expire, then the previous key can go.
/// </summary>
public sealed class SignInLinkOptions
{
    public const string SectionName = "SocialWatch:SignInLinks";
    public const int MinSigningKeyLength = 32;

    /// <summary>The local runtime's own dashboard (<c>FunctionsRuntime.DefaultLocalUrl</c> + /api/dashboard).</summary>
    public const string LocalDashboardUrl = "http://127.0.0.1:7071/api/dashboard";

    /// <summary>The HMAC-SHA256 key links are signed with (environment: <c>SocialWatch__SignInLinks__SigningKey</c>).</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>Optional: the key before the last rotation, still accepted for links it signed.</summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>How long a link signs in after its email is recorded.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The dashboard page the links open (the app's public address + /api/dashboard).</summary>
    public Uri DashboardUrl { get; set; } = new(LocalDashboardUrl);
}

public sealed class SignInLinkOptionsValidator : IValidateOptions<SignInLinkOptions>
{
    public static readonly TimeSpan MinLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, SignInLinkOptions options)
    {
        var failures = new List<string>();
        CheckKey(failures, "SigningKey", options.SigningKey, required: true);
        CheckKey(failures, "PreviousSigningKey", options.PreviousSigningKey, required: false);
        if (!string.IsNullOrEmpty(options.PreviousSigningKey) && options.PreviousSigningKey == options.SigningKey)
        {
            failures.Add($"{SignInLinkOptions.SectionName}:PreviousSigningKey is the same as SigningKey: on rotation, SigningKey gets a new secret.");
        }

        if (options.Lifetime < MinLifetime || options.Lifetime > MaxLifetime)
        {
            failures.Add($"{SignInLinkOptions.SectionName}:Lifetime must be from {MinLifetime} to {MaxLifetime:%d} days; it is {options.Lifetime}.");
        }

        if (options.DashboardUrl is not { IsAbsoluteUri: true, Scheme: "https" or "http" } url || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.Query))
        {
            failures.Add($"{SignInLinkOptions.SectionName}:DashboardUrl must be an absolute http(s) address without query or fragment (e.g. https://APP/api/dashboard); it is '{options.DashboardUrl}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(List<string> failures, string property, string? value, bool required)
    {
        var setting = $"{SignInLinkOptions.SectionName}:{property}";
        if (KeyVaultReference.IsUnresolved(value))
        {
            failures.Add(KeyVaultReference.Explain(setting));
        }
        else if ((required || !string.IsNullOrEmpty(value)) && (string.IsNullOrWhiteSpace(value) || value.Trim().Length < SignInLinkOptions.MinSigningKeyLength))
        {
            failures.Add($"{setting} {(required ? "is required and " : string.Empty)}must be at least {SignInLinkOptions.MinSigningKeyLength} characters (a random secret, e.g. `openssl rand -base64 33`); set it in configuration or as the environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}.");
        }
    }
}

public static class SignInLinkServiceCollectionExtensions
{
    /// <summary>The link signer and its options, checked at start; safe to call from every module that needs it.</summary>
    public static IServiceCollection AddSignInLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLinkOptions>().Bind(configuration.GetSection(SignInLinkOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignInLinkOptions>, SignInLinkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SignInLinks>();
        return services;
    }
}
