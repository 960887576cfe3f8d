using Microsoft.Extensions.Logging;
using SocialWatch.Storage;
using SocialWatch.Validation;

namespace SocialWatch.Access;

/// <summary>
/// Issues, lists and revokes a business's API keys. Rotation is issue a new key, move the clients, revoke the old one:
/// a revoked key fails at once (nothing caches keys).
/// </summary>
public sealed partial class ApiKeyService(IApiKeyStore keys, TimeProvider time, ILogger<ApiKeyService> logger)
{
    public const int MaxKeysPerBusiness = 20;
    public const int MaxLabelLength = 100;

    public async Task<Outcome<IssuedApiKey>> IssueAsync(string businessId, ApiKeyInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var role = errors.Required("role", input.Role);
        var label = errors.RequiredText("label", input.Label, MaxLabelLength);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<IssuedApiKey>(errors);
        }

        if ((await keys.ListAsync(businessId, cancellationToken)).Count >= MaxKeysPerBusiness)
        {
            return Outcome.Conflict<IssuedApiKey>(ValidationErrors.Body, $"This business already has {MaxKeysPerBusiness} keys: revoke one first.");
        }

        var token = ApiKeyToken.New(businessId);
        var record = new ApiKeyRecord(businessId, token.KeyId, role!.Value, label!, time.GetUtcNow(), token.SecretHash);
        var written = await keys.InsertAsync(record, cancellationToken);
        if (written.Status != WriteStatus.Written)
        {
            throw new InvalidOperationException($"Key id {token.KeyId} of {businessId} is already taken: 64 random bits must not collide.");
        }

        LogIssued(businessId, token.KeyId, record.Role);
        return Outcome.Created<IssuedApiKey>(new IssuedApiKey(token.KeyId, token.Value, record.Role, record.Label, record.CreatedAt), written.Version!);
    }

    public async Task<Outcome<Page<ApiKeyInfo>>> ListAsync(string businessId, CancellationToken cancellationToken) =>
        Outcome.Ok(new Page<ApiKeyInfo>((await keys.ListAsync(businessId, cancellationToken)).Select(k => ApiKeyInfo.Of(k.Value)).ToArray(), null));

    public async Task<Outcome<Removed>> RevokeAsync(string businessId, string keyId, CancellationToken cancellationToken)
    {
        if (ApiKeyToken.IsKeyId(keyId) && (await keys.DeleteAsync(new ApiKeyId(businessId, keyId), null, cancellationToken)).Status == WriteStatus.Written)
        {
            LogRevoked(businessId, keyId);
            return Outcome.Ok<Removed>(new Removed(keyId));
        }

        return Outcome.NotFound<Removed>("keyId", "This business has no key with this id.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} ({Role}) issued for business {BusinessId}")]
    private partial void LogIssued(string businessId, string keyId, ApiKeyRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} of business {BusinessId} revoked")]
    private partial void LogRevoked(string businessId, string keyId);
}
