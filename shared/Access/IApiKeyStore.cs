using SocialWatch.Storage;

namespace SocialWatch.Access;

public interface IApiKeyStore : IRecordStore<ApiKeyId, ApiKeyRecord>
{
    /// <summary>Every key of a business, in one partition query.</summary>
    Task<IReadOnlyList<Versioned<ApiKeyRecord>>> ListAsync(string businessId, CancellationToken cancellationToken);
}
