using SocialWatch.Storage;

namespace SocialWatch.Businesses;

/// <summary>Businesses by id. Not an <see cref="ITenantData"/> of its own: the business record goes last, after its data.</summary>
public interface IBusinessStore : IRecordStore<string, Business>
{
    /// <summary>Active businesses, one page at a time; <paramref name="continuation"/> is the token of the previous page.</summary>
    Task<Page<Versioned<Business>>> ListActiveAsync(int pageSize, string? continuation, CancellationToken cancellationToken);
}
