using SocialWatch.Profiles;

namespace SocialWatch.Checks;

/// <summary>
/// What a profile's own network said about its life when SocialWatch last read it through an API or feed (Mastodon: suspended,
/// moved; Bluesky: taken down, deactivated, not found), as a <see cref="CheckResult"/> the profile checks weigh like one of theirs
/// (the dead-declaration policy still wants repeated dead results over time). The collectors implement it from their stored state
/// (<c>SocialWatch.Collectors.Collection.CollectedLifeSignals</c>); the sweep reads a business's signals in one go while it
/// fans out, and each check message carries its profile's signal (so a check costs no extra storage operation for it).
/// </summary>
public interface IProfileLifeSignals
{
    /// <summary>The latest signal, or null when no collector reads the profile, none has answered yet, or the answer proves nothing.</summary>
    Task<CheckResult?> FindAsync(Profile profile, CancellationToken cancellationToken);

    /// <summary>The latest signal of each of <paramref name="profiles"/> (all of one business) that has one, by profile id.</summary>
    Task<IReadOnlyDictionary<string, CheckResult>> ListAsync(string businessId, IReadOnlyCollection<Profile> profiles, CancellationToken cancellationToken);
}
