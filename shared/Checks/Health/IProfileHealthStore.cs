using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Health;

/// <summary>Profiles' health by business and profile id; a business's health records are one partition.</summary>
public interface IProfileHealthStore : IRecordStore<ProfileKey, ProfileHealth>;
