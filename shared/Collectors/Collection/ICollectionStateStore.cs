using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Collectors.Collection;

/// <summary>Each profile's collection state; a business's states are listed with one partition query.</summary>
public interface ICollectionStateStore : IRecordStore<ProfileKey, CollectionState>;
