using SocialWatch.Storage;

namespace SocialWatch.Access;

/// <summary>A business's API keys, stored hashed.</summary>
public interface IApiKeyStore : IRecordStore<ApiKeyId, ApiKeyRecord>;
