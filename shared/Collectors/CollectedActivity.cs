namespace SocialWatch.Collectors;

/// <summary>Where a collection came from. Feeds cover RSS 2.0, RSS 1.0 and Atom; YouTube is Atom with media statistics.</summary>
public enum SourceKind
{
    Feed,
    YouTube,
    Mastodon,
    Bluesky,
}

public enum CollectionStatus
{
    /// <summary>The source answered and its answer was read (items may still be capped, see <see cref="Truncation"/>).</summary>
    Collected,

    /// <summary>A conditional request came back 304: nothing changed since the stored validators.</summary>
    Unchanged,

    /// <summary>The answer could not be used; <see cref="CollectedActivity.Error"/> says why.</summary>
    Failed,
}

/// <summary>What the source says about the profile's life; feeds the dead-profile classes.</summary>
public enum LifeSignal
{
    Alive,
    Moved,
    Suspended,
    Deactivated,
    TakenDown,
    Memorial,
    NotFound,

    /// <summary>HTTP 410: the source says the profile is gone (Mastodon 2.4 to 3.3 answered 410 for suspended accounts).</summary>
    Gone,
}

/// <summary>Which limit stopped the reading early, if any; items read before the limit are kept.</summary>
public enum Truncation
{
    None,
    ItemCap,
    ByteCap,
}

public enum CollectionErrorKind
{
    /// <summary>Not well-formed XML or JSON, a refused DTD, or a value of the wrong type.</summary>
    InvalidDocument,

    /// <summary>Well-formed, but not the document expected (an HTML page where a feed should be).</summary>
    Unrecognised,

    /// <summary>A JSON answer larger than the configured cap (a feed is truncated instead).</summary>
    TooLarge,

    TimedOut,

    /// <summary>The connection failed while the body was read: transient, worth another try.</summary>
    ConnectionLost,

    RateLimited,

    UnexpectedStatus,

    /// <summary>Nothing was sent: the SSRF guard refused the address or scheme, or the redirects went on too long.</summary>
    Refused,
}

public sealed record CollectionError(CollectionErrorKind Kind, string Message);

/// <summary>Profile-level facts as the source reports them; null where the source does not say.</summary>
public sealed record ProfileFacts
{
    public static ProfileFacts Unknown { get; } = new();

    /// <summary>The source's own id for the profile (Mastodon account id, Bluesky DID); needed for the follow-up requests.</summary>
    public string? SourceId { get; init; }

    public string? DisplayName { get; init; }

    public long? Followers { get; init; }

    public long? Following { get; init; }

    public long? Posts { get; init; }

    /// <summary>Mastodon's "limited" (silenced by moderators): alive but hidden behind a warning.</summary>
    public bool Limited { get; init; }

    public ProfileFacts Or(ProfileFacts other) => new()
    {
        SourceId = SourceId ?? other.SourceId,
        DisplayName = DisplayName ?? other.DisplayName,
        Followers = Followers ?? other.Followers,
        Following = Following ?? other.Following,
        Posts = Posts ?? other.Posts,
        Limited = Limited || other.Limited,
    };
}

/// <summary>
/// One post, video or status. <see cref="Published"/> is UTC, or null when the source gave no date, one that could not be read,
/// or one too far in the future to be true. Counts are null where the source has no such number.
/// </summary>
public sealed record CollectedItem
{
    public required string Id { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>False for a repost or boost of someone else's post: activity, but not a post of the profile's own.</summary>
    public bool IsOriginal { get; init; } = true;

    public string? Title { get; init; }

    public long? Replies { get; init; }

    /// <summary>Reposts, boosts or shares.</summary>
    public long? Reposts { get; init; }

    /// <summary>Likes, favourites, or YouTube's star-rating count.</summary>
    public long? Likes { get; init; }

    public long? Quotes { get; init; }

    public long? Views { get; init; }
}

/// <summary>
/// The result of reading one answer from a source, or several merged with <see cref="Then"/> (a Mastodon account and its status pages).
/// Collectors never throw for a bad answer: they return a result with <see cref="CollectionStatus.Failed"/> and an <see cref="Error"/>.
/// </summary>
public sealed record CollectedActivity
{
    public required SourceKind Source { get; init; }

    public CollectionStatus Status { get; init; } = CollectionStatus.Collected;

    public LifeSignal Life { get; init; } = LifeSignal.Alive;

    /// <summary>Where a moved profile went (the new account's URL or handle).</summary>
    public string? MovedTo { get; init; }

    public ProfileFacts Profile { get; init; } = ProfileFacts.Unknown;

    public IReadOnlyList<CollectedItem> Items { get; init; } = [];

    /// <summary>The source's own statement of the last activity when it gives one (Mastodon's last_status_at, a date).</summary>
    public DateTimeOffset? ReportedLastActivity { get; init; }

    public Truncation Truncation { get; init; }

    public CollectionError? Error { get; init; }

    /// <summary>Where the next older page starts (Mastodon max_id, Bluesky cursor); null when there is none.</summary>
    public string? NextPage { get; init; }

    /// <summary>Validators to send with the next request for the same resource.</summary>
    public ValidatorSet Validators { get; init; }

    public RateLimit? RateLimit { get; init; }

    /// <summary>The latest known activity of any kind, reposts included: what staleness needs.</summary>
    public DateTimeOffset? LastActivity => Latest(ReportedLastActivity, originalOnly: false);

    /// <summary>The latest post of the profile's own.</summary>
    public DateTimeOffset? LastPost => Latest(null, originalOnly: true);

    public static CollectedActivity Failed(SourceKind source, CollectionErrorKind kind, string message) =>
        new() { Source = source, Status = CollectionStatus.Failed, Error = new CollectionError(kind, message) };

    /// <summary>This result followed by a later answer about the same profile: facts fill gaps, items append, the worst news wins.</summary>
    public CollectedActivity Then(CollectedActivity next)
    {
        var seen = new HashSet<string>(Items.Select(i => i.Id), StringComparer.Ordinal);
        return this with
        {
            Status = Status == CollectionStatus.Failed || next.Status == CollectionStatus.Failed ? CollectionStatus.Failed
                : Status == CollectionStatus.Unchanged && next.Status == CollectionStatus.Unchanged ? CollectionStatus.Unchanged
                : CollectionStatus.Collected,
            Life = Life == LifeSignal.Alive ? next.Life : Life,
            MovedTo = MovedTo ?? next.MovedTo,
            Profile = Profile.Or(next.Profile),
            Items = [.. Items, .. next.Items.Where(i => seen.Add(i.Id))],
            ReportedLastActivity = Max(ReportedLastActivity, next.ReportedLastActivity),
            Truncation = next.Truncation == Truncation.None ? Truncation : next.Truncation,
            Error = Error ?? next.Error,
            NextPage = next.NextPage,
            Validators = next.Validators,
            RateLimit = next.RateLimit ?? RateLimit,
        };
    }

    private DateTimeOffset? Latest(DateTimeOffset? start, bool originalOnly)
    {
        var latest = start;
        foreach (var item in Items)
        {
            if (!originalOnly || item.IsOriginal)
            {
                latest = Max(latest, item.Published);
            }
        }

        return latest;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
