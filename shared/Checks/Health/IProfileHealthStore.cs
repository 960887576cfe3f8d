using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Checks.Health;

/// <summary>Profiles' health by business and profile id; a business's health records are one partition.</summary>
public interface IProfileHealthStore : IRecordStore<ProfileKey, ProfileHealth>
{
    /// <summary>
    /// Inserts the health (<paramref name="expectedVersion"/> null) or replaces it at that version, together with the other
    /// writes to the business's health that wait meanwhile: one transaction for many checks of a busy sweep.
    /// </summary>
    Task<WriteResult> WriteGroupedAsync(ProfileHealth health, string? expectedVersion, CancellationToken cancellationToken);
}
