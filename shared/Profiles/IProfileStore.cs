using SocialWatch.Storage;

namespace SocialWatch.Profiles;

public interface IProfileStore : IRecordStore<ProfileKey, Profile>
{
    /// <summary>Every profile of a business, oldest first, in one partition query.</summary>
    Task<IReadOnlyList<Versioned<Profile>>> ListAsync(string businessId, CancellationToken cancellationToken);
}
