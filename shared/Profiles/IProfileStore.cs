using SocialWatch.Storage;

namespace SocialWatch.Profiles;

/// <summary>A business's profiles; <see cref="IRecordStore{TKey, TRecord}.ListAsync"/> lists them oldest first (ids are time-ordered).</summary>
public interface IProfileStore : IRecordStore<ProfileKey, Profile>;
