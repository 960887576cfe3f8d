using SocialWatch.Profiles;

namespace SocialWatch.Checks;

/// <summary>
/// What a profile's own network said about its life when SocialWatch last read it through an API or feed (Mastodon: suspended,
/// moved; Bluesky: taken down, deactivated, not found), as a <see cref="CheckResult"/> the profile checks weigh like one of theirs
/// (the dead-declaration policy still wants repeated dead results over time). The collectors implement it from their stored state
/// (<c>SocialWatch.Collectors.Collection.CollectedLifeSignals</c>); the checks wiring reads it when it checks a profile.
/// </summary>
public interface IProfileLifeSignals
{
    /// <summary>The latest signal, or null when no collector reads the profile, none has answered yet, or the answer proves nothing.</summary>
    Task<CheckResult?> FindAsync(Profile profile, CancellationToken cancellationToken);
}
