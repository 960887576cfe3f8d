using SocialWatch.Storage;
using SocialWatch.Validation;

namespace SocialWatch.Profiles;

/// <summary>A business's profiles: list, read, create, replace, delete. The caller has already been admitted to the business.</summary>
public sealed class ProfileService(IProfileStore profiles, TimeProvider time)
{
    /// <summary>All of them, oldest first, in one page (a business's profiles are one partition).</summary>
    public async Task<Outcome<Page<Profile>>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        var all = await profiles.ListAsync(businessId, cancellationToken);
        return Outcome.Ok(new Page<Profile>(all.Select(p => p.Value).ToArray(), null));
    }

    public async Task<Outcome<Profile>> GetAsync(string businessId, string profileId, CancellationToken cancellationToken) =>
        await FindAsync(businessId, profileId, cancellationToken) is { } profile
            ? Outcome.Ok<Profile>(profile.Value, profile.Version)
            : NotFound<Profile>();

    public async Task<Outcome<Profile>> CreateAsync(string businessId, ProfileInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var profile = ProfileRules.Validate(input, businessId, ProfileRules.NewId(time), time.GetUtcNow(), errors);
        if (profile is null)
        {
            return Outcome.Invalid<Profile>(errors);
        }

        var written = await profiles.InsertAsync(profile, cancellationToken);
        return written.Status == WriteStatus.Written
            ? Outcome.Created<Profile>(profile, written.Version!)
            : throw new InvalidOperationException($"The new profile id {profile.Id} of {businessId} is already taken: ids are version 7 GUIDs and must not collide.");
    }

    public async Task<Outcome<Profile>> ReplaceAsync(string businessId, string profileId, ProfileInput input, VersionCondition condition, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var replacement = ProfileRules.Validate(input, businessId, profileId, time.GetUtcNow(), errors);
        if (replacement is null)
        {
            return Outcome.Invalid<Profile>(errors);
        }

        if (await FindAsync(businessId, profileId, cancellationToken) is not { } current)
        {
            return NotFound<Profile>();
        }

        if (!condition.IsSatisfiedBy(current.Version))
        {
            return Outcome.VersionMismatch<Profile>();
        }

        replacement = replacement with { CreatedAt = current.Value.CreatedAt };
        var written = await profiles.ReplaceAsync(replacement, condition.IsConditional ? current.Version : null, cancellationToken);
        return written.Status switch
        {
            WriteStatus.Written => Outcome.Ok<Profile>(replacement, written.Version),
            WriteStatus.VersionMismatch => Outcome.VersionMismatch<Profile>(),
            _ => NotFound<Profile>(),
        };
    }

    public async Task<Outcome<Removed>> DeleteAsync(string businessId, string profileId, VersionCondition condition, CancellationToken cancellationToken)
    {
        if (await FindAsync(businessId, profileId, cancellationToken) is not { } current)
        {
            return NotFound<Removed>();
        }

        if (!condition.IsSatisfiedBy(current.Version))
        {
            return Outcome.VersionMismatch<Removed>();
        }

        var deleted = await profiles.DeleteAsync(new ProfileKey(businessId, profileId), condition.IsConditional ? current.Version : null, cancellationToken);
        return deleted.Status switch
        {
            WriteStatus.Written => Outcome.Ok<Removed>(new Removed(profileId)),
            WriteStatus.VersionMismatch => Outcome.VersionMismatch<Removed>(),
            _ => NotFound<Removed>(),
        };
    }

    // An id that cannot be a profile id is answered like a missing one, without a storage read.
    private async Task<Versioned<Profile>?> FindAsync(string businessId, string profileId, CancellationToken cancellationToken) =>
        ProfileRules.IsId(profileId) ? await profiles.FindAsync(new ProfileKey(businessId, profileId), cancellationToken) : null;

    private static Outcome<T> NotFound<T>() => Outcome.NotFound<T>("profileId", "This business has no profile with this id.");
}
