using System.Text.Json.Serialization;

namespace SocialWatch.Access;

/// <summary>An owner key reads and writes its business; a read key only reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyRole>))]
public enum ApiKeyRole
{
    [JsonStringEnumMemberName("owner")] Owner,
    [JsonStringEnumMemberName("read")] Read,
}

/// <summary>A business's API key as stored: the SHA-256 of its secret, never the secret.</summary>
public sealed record ApiKeyRecord(string BusinessId, string KeyId, ApiKeyRole Role, string Label, DateTimeOffset CreatedAt, byte[] SecretHash);

/// <summary>A key as listed: no secret, no hash.</summary>
public sealed record ApiKeyInfo(string KeyId, ApiKeyRole Role, string Label, DateTimeOffset CreatedAt)
{
    public static ApiKeyInfo Of(ApiKeyRecord record) => new(record.KeyId, record.Role, record.Label, record.CreatedAt);
}

/// <summary>A key just issued: the only time <see cref="Key"/> is shown.</summary>
public sealed record IssuedApiKey(string KeyId, string Key, ApiKeyRole Role, string Label, DateTimeOffset CreatedAt);

/// <summary>The body of POST /api/businesses/{businessId}/keys.</summary>
public sealed record ApiKeyInput(ApiKeyRole? Role, string? Label);

/// <summary>Identifies a stored key: its business, then its id.</summary>
public readonly record struct ApiKeyId(string BusinessId, string KeyId);
