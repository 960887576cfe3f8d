using SocialWatch.Access;
using SocialWatch.Alerts;

namespace SocialWatch.Tests.Unit.Settings;

public sealed class UnresolvedKeyVaultReference
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://sw-dev-kv.vault.azure.net/secrets/admin-key/)";

    [Fact]
    public void IsRefusedAsTheAdminKeyThoughItIsLongEnough()
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { AdminKey = Reference });

        Assert.True(result.Failed);
        Assert.Contains("SocialWatch:Api:AdminKey is an unresolved Key Vault reference", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void IsRefusedAsTheSmtpPassword()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions { Host = "smtp.example.com", UserName = "alerts", Password = Reference });

        Assert.True(result.Failed);
        Assert.Contains("SocialWatch:Smtp:Password is an unresolved Key Vault reference", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesARealSecretAlone()
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { AdminKey = "k3y-" + new string('x', 40) });

        Assert.True(result.Succeeded);
    }
}
