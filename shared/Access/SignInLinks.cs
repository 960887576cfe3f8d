using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SocialWatch.Businesses;

namespace SocialWatch.Access;

/// <summary>Why a sign-in link token was refused, or that it was accepted.</summary>
public enum SignInLinkStatus
{
    Valid,
    Malformed,
    UnknownKey,
    Tampered,
    Expired,
    WrongPurpose,
}

/// <summary>What checking a token found; <see cref="BusinessId"/> and <see cref="ExpiresAt"/> only when the signature held.</summary>
public sealed record SignInLinkCheck(SignInLinkStatus Status, string? BusinessId, DateTimeOffset? ExpiresAt, string Message)
{
    public bool IsValid => Status == SignInLinkStatus.Valid;
}

/// <summary>A token just made, and the dashboard address that carries it in its fragment.</summary>
public sealed record SignInLink(string Token, Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring tokens: <c>swl.{purpose}.{businessId}.{expiresAt unix seconds}.{keyId}.{signature}</c>, the signature an
/// HMAC-SHA256 (base64url) of everything before it, under the key <c>keyId</c> names. No field can hold a dot, so the signed
/// text is unambiguous. The key id is derived from the key (an HMAC of a fixed label: it tells nothing about the key), so
/// rotation needs no extra setting. Nothing is stored: a token is valid until it expires or its key is retired.
/// </summary>
public sealed class SignInLinks
{
    /// <summary>The only purpose the API accepts: read one business's dashboard.</summary>
    public const string DashboardPurpose = "dashboard";

    /// <summary>The fragment parameter the dashboard page reads the token from.</summary>
    public const string FragmentName = "link";

    private const string Prefix = "swl";
    private const int SignatureBytes = 32;
    private static readonly byte[] KeyIdLabel = Encoding.UTF8.GetBytes("socialwatch sign-in link key id");

    private readonly TimeProvider time;
    private readonly SignInLinkOptions options;
    private readonly SigningKey current;
    private readonly SigningKey[] accepted;

    public SignInLinks(IOptions<SignInLinkOptions> options, TimeProvider time)
    {
        this.time = time;
        this.options = options.Value;
        current = new SigningKey(this.options.SigningKey);
        accepted = string.IsNullOrEmpty(this.options.PreviousSigningKey) ? [current] : [current, new SigningKey(this.options.PreviousSigningKey)];
    }

    /// <summary>A dashboard link for the business, valid for the configured lifetime from now.</summary>
    public SignInLink ForDashboard(string businessId)
    {
        var expiresAt = time.GetUtcNow() + options.Lifetime;
        var token = Sign(businessId, DashboardPurpose, expiresAt);
        return new SignInLink(token, new Uri($"{options.DashboardUrl.GetLeftPart(UriPartial.Path)}#{FragmentName}={token}"), expiresAt);
    }

    /// <summary>A token for any purpose (the API accepts only <see cref="DashboardPurpose"/>), signed with the current key.</summary>
    public string Sign(string businessId, string purpose, DateTimeOffset expiresAt)
    {
        if (!BusinessRules.IsId(businessId) || !IsPurpose(purpose))
        {
            throw new ArgumentException($"Cannot sign a link for business '{businessId}' and purpose '{purpose}'.");
        }

        var signed = string.Create(CultureInfo.InvariantCulture, $"{Prefix}.{purpose}.{businessId}.{expiresAt.ToUnixTimeSeconds()}.{current.Id}");
        return $"{signed}.{Base64Url.EncodeToString(current.Sign(signed))}";
    }

    /// <summary>
    /// Checks the signature first (constant-time), and only then what the token says: so a forged or altered token learns
    /// nothing but "altered", and the expiry and purpose reported are ones we signed.
    /// </summary>
    public SignInLinkCheck Check(string? token, string purpose)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 6 || parts[0] != Prefix || !IsPurpose(parts[1]) || !BusinessRules.IsId(parts[2])
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix)
            || expiresUnix > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || !Base64Url.IsValid(parts[5], out var length) || length != SignatureBytes)
        {
            return Refused(SignInLinkStatus.Malformed, "The sign-in link is incomplete or malformed: open the whole link from the email, or sign in with an API key.");
        }

        if (Array.Find(accepted, key => key.Id == parts[4]) is not { } key)
        {
            return Refused(SignInLinkStatus.UnknownKey, "The sign-in link was signed with a key SocialWatch no longer accepts (retired, or the link was altered): use the link in a newer email, or sign in with an API key.");
        }

        var signed = string.Join('.', parts, 0, 5);
        if (!CryptographicOperations.FixedTimeEquals(key.Sign(signed), Base64Url.DecodeFromChars(parts[5])))
        {
            return Refused(SignInLinkStatus.Tampered, "The sign-in link has been altered: its signature does not match. Open the link exactly as the email gives it, or sign in with an API key.");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        if (time.GetUtcNow() >= expiresAt)
        {
            return new SignInLinkCheck(SignInLinkStatus.Expired, parts[2], expiresAt, string.Create(CultureInfo.InvariantCulture, $"The sign-in link expired on {expiresAt:yyyy-MM-dd HH:mm} UTC: use the link in a newer email, or sign in with an API key."));
        }

        return parts[1] == purpose
            ? new SignInLinkCheck(SignInLinkStatus.Valid, parts[2], expiresAt, string.Empty)
            : new SignInLinkCheck(SignInLinkStatus.WrongPurpose, parts[2], expiresAt, $"This link was made for '{parts[1]}', not for signing in to the {purpose}.");
    }

    private static SignInLinkCheck Refused(SignInLinkStatus status, string message) => new(status, null, null, message);

    private static bool IsPurpose(string? purpose) => purpose is { Length: > 0 and <= 32 } && purpose.All(c => char.IsAsciiLetterLower(c) || c == '-');

    private sealed class SigningKey
    {
        private readonly byte[] secret;

        public SigningKey(string secret)
        {
            this.secret = Encoding.UTF8.GetBytes(secret);
            Id = Base64Url.EncodeToString(HMACSHA256.HashData(this.secret, KeyIdLabel).AsSpan(0, 6));
        }

        public string Id { get; }

        public byte[] Sign(string text) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text));
    }
}
