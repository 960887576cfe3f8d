namespace SocialWatch.Settings;

/// <summary>
/// App Service hands the app the literal reference text when it cannot resolve a Key Vault reference (missing secret,
/// missing role): such a value must be refused as a secret, or the reference itself would become the key or password.
/// </summary>
public static class KeyVaultReference
{
    public static bool IsUnresolved(string? value) =>
        value?.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true;

    public static string Explain(string setting) =>
        $"{setting} is an unresolved Key Vault reference: the secret is missing or the app's identity may not read it (see infra/README.md).";
}
