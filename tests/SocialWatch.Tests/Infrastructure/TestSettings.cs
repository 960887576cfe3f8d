namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The settings the app refuses to start without, for a test host on the shared Azurite: storage under the class's own
/// prefix, an admin key, a sign-in link signing key, an SMTP server (nothing listens on it unless a test starts maildev there), and the schedules that
/// the timer functions take from app settings (%SWEEP_SCHEDULE% ...), as infra/ sets them in Azure.
/// </summary>
public static class TestSettings
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    public const string LinkSigningKey = "test-link-signing-key-0123456789abcdefghijklmnop";

    /// <summary>In configuration form (<c>Section:Key</c>), for an in-memory host.</summary>
    public static Dictionary<string, string?> For(AzuriteFixture azurite, string prefix, int smtpPort = 25) =>
        For(azurite.ConnectionString, prefix, smtpPort);

    public static Dictionary<string, string?> For(string storageConnection, string prefix, int smtpPort = 25) => new()
    {
        ["AzureWebJobsStorage"] = storageConnection,
        ["SocialWatch:Storage:Prefix"] = prefix,
        ["SocialWatch:Api:AdminKey"] = AdminKey,
        ["SocialWatch:SignInLinks:SigningKey"] = LinkSigningKey,
        ["SocialWatch:Smtp:Host"] = "127.0.0.1",
        ["SocialWatch:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SocialWatch:Smtp:Security"] = "None",
        ["SWEEP_SCHEDULE"] = "0 0 */6 * * *",
        ["AUDIT_SCHEDULE"] = "0 30 3 * * *",
        ["COLLECT_SCHEDULE"] = "0 0 * * * *",
        ["OUTBOX_SCHEDULE"] = "0 */2 * * * *",
    };

    /// <summary>In environment form (<c>Section__Key</c>), for the app started as a process.</summary>
    public static Dictionary<string, string> AsEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? string.Empty);
}
