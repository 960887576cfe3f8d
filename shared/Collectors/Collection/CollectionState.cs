using SocialWatch.Profiles;

namespace SocialWatch.Collectors.Collection;

/// <summary>
/// What SocialWatch remembers about collecting one profile between runs: how to ask again (validators, the source's own id), how
/// far it read (last item, cursor), what it learnt (last activity, followers, life signal), what went wrong, and when to come back.
/// </summary>
public sealed record CollectionState
{
    public required ProfileKey Profile { get; init; }

    public required CollectorKind Collector { get; init; }

    /// <summary>Where the collector reads: the feed address, the Mastodon account or the Bluesky actor.</summary>
    public required string Source { get; init; }

    /// <summary>The source's id for the profile (Mastodon account id, Bluesky DID): later runs skip the lookup.</summary>
    public string? SourceId { get; init; }

    /// <summary>Validators of the feed's last full answer, sent back as If-None-Match and If-Modified-Since.</summary>
    public ValidatorSet Validators { get; init; }

    public string? LastItemId { get; init; }

    public DateTimeOffset? LastItemAt { get; init; }

    /// <summary>Items read by the last collection that read any.</summary>
    public int ItemsSeen { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }

    public long? Followers { get; init; }

    /// <summary>Where reading stopped when a source's rate limit cut paging short (Mastodon max_id, Bluesky cursor).</summary>
    public string? Cursor { get; init; }

    public LifeSignal Life { get; init; } = LifeSignal.Alive;

    public string? MovedTo { get; init; }

    /// <summary>When the source last answered about the profile's life (a failed collection says nothing of it).</summary>
    public DateTimeOffset? LifeSeenAt { get; init; }

    public DateTimeOffset? LastCollectedAt { get; init; }

    public CollectionStatus? LastStatus { get; init; }

    public CollectionErrorKind? LastErrorKind { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>The first day (a Monday) of the last week whose snapshot went to the scoring queue.</summary>
    public DateOnly? LastSnapshotWeek { get; init; }

    public required DateTimeOffset NextDueAt { get; init; }

    public static CollectionState New(ProfileKey profile, CollectorChoice choice, DateTimeOffset now) => new()
    {
        Profile = profile,
        Collector = choice.Kind,
        Source = SourceOf(choice),
        NextDueAt = now,
    };

    /// <summary>The text that names what a choice reads; a change of it (a new feed address) starts the state afresh.</summary>
    public static string SourceOf(CollectorChoice choice) =>
        choice.Feed?.AbsoluteUri
        ?? (choice.Mastodon is { } account ? $"{account.Username}@{account.Instance.Authority}" : null)
        ?? choice.Bluesky?.Id
        ?? string.Empty;
}
