namespace SocialWatch.Collectors.Collection;

/// <summary>The error a collection last met, and when.</summary>
public sealed record CollectionErrorView(string Kind, string Message, DateTimeOffset? At);

/// <summary>
/// GET .../profiles/{profileId}/collection: which collector reads the profile (or why none does), its last collection, the items it
/// saw, the last activity, followers, the source's life signal, the last error and when the next collection is due. Fields are null
/// until the first collection.
/// </summary>
public sealed record CollectionView(
    string Collector,
    string Reason,
    string? Source,
    DateTimeOffset? LastCollectedAt,
    string? LastStatus,
    int ItemsSeen,
    string? LastItemId,
    DateTimeOffset? LastItemAt,
    DateTimeOffset? LastActivityAt,
    long? Followers,
    string? Life,
    string? MovedTo,
    DateTimeOffset? LifeSeenAt,
    CollectionErrorView? LastError,
    int ConsecutiveFailures,
    DateOnly? LastSnapshotWeek,
    DateTimeOffset? NextDueAt)
{
    public static CollectionView Of(CollectorChoice choice, CollectionState? state) => new(
        choice.Kind.ToString().ToLowerInvariant(),
        choice.Reason,
        choice.Kind == CollectorKind.None ? null : CollectionState.SourceOf(choice),
        state?.LastCollectedAt,
        state?.LastStatus is { } status ? Kebab(status.ToString()) : null,
        state?.ItemsSeen ?? 0,
        state?.LastItemId,
        state?.LastItemAt,
        state?.LastActivityAt,
        state?.Followers,
        state?.LifeSeenAt is null ? null : Kebab(state.Life.ToString()),
        state?.MovedTo,
        state?.LifeSeenAt,
        state is { LastErrorKind: { } kind, LastError: { } message } ? new CollectionErrorView(Kebab(kind.ToString()), message, state.LastErrorAt) : null,
        state?.ConsecutiveFailures ?? 0,
        state?.LastSnapshotWeek,
        state?.NextDueAt);

    /// <summary>TakenDown → taken-down: the spelling the API uses for every name.</summary>
    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
