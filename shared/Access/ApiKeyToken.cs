using System.Buffers.Text;
using System.Security.Cryptography;

namespace SocialWatch.Access;

/// <summary>
/// The key string a business presents: <c>swk.{businessId}.{keyId}.{secret}</c>, the secret 256 random bits in base64url.
/// The business and key ids make the lookup one point read; only the SHA-256 of the secret is stored (a fast hash is right
/// for a high-entropy secret: there is nothing to guess).
/// </summary>
public sealed class ApiKeyToken
{
    private const string Prefix = "swk";
    private const int KeyIdBytes = 8;
    private const int SecretBytes = 32;

    private ApiKeyToken(string businessId, string keyId, byte[] secret)
    {
        BusinessId = businessId;
        KeyId = keyId;
        Secret = secret;
    }

    public string BusinessId { get; }

    public string KeyId { get; }

    private byte[] Secret { get; }

    public string Value => $"{Prefix}.{BusinessId}.{KeyId}.{Base64Url.EncodeToString(Secret)}";

    public byte[] SecretHash => SHA256.HashData(Secret);

    public static ApiKeyToken New(string businessId) =>
        new(businessId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes)), RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool IsKeyId(string? keyId) => keyId is { Length: KeyIdBytes * 2 } && keyId.All(char.IsAsciiHexDigitLower);

    public static bool TryParse(string? text, out ApiKeyToken token)
    {
        token = null!;
        var parts = text?.Split('.') ?? [];
        if (parts.Length != 4 || parts[0] != Prefix || !Businesses.BusinessRules.IsId(parts[1]) || !IsKeyId(parts[2])
            || !Base64Url.IsValid(parts[3], out var length) || length != SecretBytes)
        {
            return false;
        }

        token = new ApiKeyToken(parts[1], parts[2], Base64Url.DecodeFromChars(parts[3]));
        return true;
    }

    /// <summary>Constant-time: how long the comparison takes tells nothing about the stored hash.</summary>
    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(SecretHash, storedHash);
}
