using SocialWatch.Checks;
using SocialWatch.Profiles;

namespace SocialWatch.Collectors.Collection;

/// <summary>
/// The collectors' side of <see cref="IProfileLifeSignals"/>: the life signal of the profile's collection state as a check result.
/// Mastodon and Bluesky speak for the account itself: suspended, deactivated, taken down, not found and gone are dead results, moved
/// is moved (with the new address). A feed speaks only for itself: a feed that answers says the profile is alive, a missing feed
/// proves nothing about the profile (the address may simply be wrong), so it gives no result.
/// </summary>
public sealed class CollectedLifeSignals(ICollectionStateStore states) : IProfileLifeSignals
{
    public async Task<CheckResult?> FindAsync(Profile profile, CancellationToken cancellationToken) =>
        Signal(profile, (await states.FindAsync(new ProfileKey(profile.BusinessId, profile.Id), cancellationToken))?.Value);

    /// <summary>One partition query for the whole business, however many profiles.</summary>
    public async Task<IReadOnlyDictionary<string, CheckResult>> ListAsync(string businessId, IReadOnlyCollection<Profile> profiles, CancellationToken cancellationToken)
    {
        var stored = (await states.ListAsync(businessId, cancellationToken)).ToDictionary(s => s.Value.Profile.ProfileId, s => s.Value, StringComparer.Ordinal);
        var signals = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            if (stored.TryGetValue(profile.Id, out var state) && Signal(profile, state) is { } signal)
            {
                signals[profile.Id] = signal;
            }
        }

        return signals;
    }

    private static CheckResult? Signal(Profile profile, CollectionState? stored)
    {
        var choice = ProfileCollection.Choose(profile);
        if (stored is not { LifeSeenAt: { } seenAt } state || state.Collector != choice.Kind || state.Source != CollectionState.SourceOf(choice))
        {
            return null;
        }

        var fromApi = state.Collector is CollectorKind.Mastodon or CollectorKind.Bluesky;
        CheckClass? checkClass = state.Life switch
        {
            LifeSignal.Alive or LifeSignal.Memorial => CheckClass.Alive,
            LifeSignal.Moved => CheckClass.Moved,
            _ when fromApi => CheckClass.Dead,
            _ => null,
        };
        if (checkClass is not { } found || !Uri.TryCreate(profile.Url, UriKind.Absolute, out var url))
        {
            return null;
        }

        return new CheckResult(found, url, seenAt, new CheckEvidence
        {
            RuleId = "collector-" + state.Life.ToString().ToLowerInvariant(),
            SiteId = profile.Network.Name(),
            FinalUrl = url,
            MovedTo = Uri.TryCreate(state.MovedTo, UriKind.Absolute, out var movedTo) ? movedTo : null,
            Detail = $"{state.Collector} collector: the source reports the profile {Describe(state.Life)}" + (state.MovedTo is { } to ? $" (to {to})" : string.Empty) + ".",
        });
    }

    private static string Describe(LifeSignal life) => life switch
    {
        LifeSignal.Alive => "alive",
        LifeSignal.Memorial => "as a memorial account",
        LifeSignal.TakenDown => "taken down by moderators",
        LifeSignal.NotFound => "not found",
        _ => life.ToString().ToLowerInvariant(),
    };
}
