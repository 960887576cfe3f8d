using System.Text.RegularExpressions;

namespace SocialWatch.Host.Functions;

/// <summary>A trigger property may name app settings as %Name%; the Functions host resolves them from its settings, and so do we.</summary>
internal static partial class AppSettingReferences
{
    public static string Resolve(string value, IConfiguration configuration, string where) =>
        Reference().Replace(value, match =>
        {
            var name = match.Groups[1].Value;
            return configuration[name] is { Length: > 0 } setting
                ? setting
                : throw new InvalidOperationException($"{where} refers to app setting '{name}' (%{name}%), which is not set.");
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Reference();
}
