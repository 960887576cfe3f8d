using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Businesses;
using SocialWatch.Engagement;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Collectors.Collection;

public enum CollectOutcome
{
    Collected,
    Unchanged,
    Failed,

    /// <summary>Collected already since the message was sent (a message may arrive twice): nothing done.</summary>
    NotDue,

    /// <summary>The profile is gone, or no collector reads it any more.</summary>
    NoCollector,
}

/// <summary>
/// Collects profiles from their open sources. The sweep finds the profiles a collector reads whose collection is due and sends one
/// message each; collecting one profile reads its source, stores its collection state, records its last activity, sends a snapshot
/// for each completed week, and keeps the source's life signal for the profile checks. A source's failure is recorded for that
/// profile (and retried later with back-off); it never fails the message or the sweep.
/// </summary>
public sealed partial class ProfileCollection(
    IBusinessStore businesses,
    IProfileStore profiles,
    ICollectionStateStore states,
    SourceCollector sources,
    SourceFetcher fetcher,
    CollectionQueue queue,
    IOptions<CollectorOptions> options,
    TimeProvider time,
    ILogger<ProfileCollection> logger,
    IProfileActivityLog? activityLog = null,
    ISnapshotQueue? snapshots = null)
{
    private const int BusinessPageSize = 100;
    private const int MaxErrorLength = 1000;

    /// <summary>Messages sent at once: one round trip each, so a sweep of thousands is not thousands of round trips in a row.</summary>
    private const int SendsInFlight = 16;

    /// <summary>Sends one collect message per due profile; returns how many. A business whose rows cannot be read is logged and skipped.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var sent = 0;
        string? continuation = null;
        do
        {
            var page = await businesses.ListActiveAsync(BusinessPageSize, continuation, cancellationToken);
            foreach (var business in page.Items)
            {
                try
                {
                    var due = (await DueProfilesAsync(business.Value.Id, now, cancellationToken)).ToList();
                    var allowed = Math.Min(due.Count, settings.MaxPerSweep - sent);
                    foreach (var batch in due.Take(allowed).Chunk(SendsInFlight))
                    {
                        await Task.WhenAll(batch.Select(profile => queue.SendAsync(profile.Key, profile.State, cancellationToken)));
                        sent += batch.Length;
                    }

                    if (allowed < due.Count)
                    {
                        LogSweepCapped(settings.MaxPerSweep);
                        return sent;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogBusinessSkipped(e, business.Value.Id);
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        LogSwept(sent);
        return sent;
    }

    /// <summary>Collects a profile, reading its stored state first (a caller with no message in hand).</summary>
    public Task<CollectOutcome> CollectAsync(ProfileKey key, CancellationToken cancellationToken) =>
        CollectAsync(new CollectionRequest(key), cancellationToken);

    /// <summary>
    /// Collects the profile a message names. Its storage cost: the profile read (it may be gone or changed), the state read only
    /// when the message carries none, the last activity recorded only when it is newer than the state knew, the owed snapshots
    /// sent, and one conditional state write; a write that finds the state changed since means another collection of the same
    /// profile won (a message delivered twice), and this one changes nothing more.
    /// </summary>
    public async Task<CollectOutcome> CollectAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        var key = request.Profile;
        var found = await profiles.FindAsync(key, cancellationToken);
        var choice = found is null ? null : Choose(found.Value);
        if (found is null || choice!.Kind == CollectorKind.None)
        {
            LogNoCollector(key.BusinessId, key.ProfileId);
            return CollectOutcome.NoCollector;
        }

        var profile = found.Value;
        var now = time.GetUtcNow();
        var stored = request.Carried is { } carried
            ? carried.State is { } carriedState ? new Versioned<CollectionState>(carriedState, carried.Version!) : null
            : await states.FindAsync(key, cancellationToken);
        var state = Current(stored, key, choice, now);
        if (state.NextDueAt > now)
        {
            return CollectOutcome.NotDue;
        }

        var settings = options.Value;
        var owed = SnapshotWeeks.Owed(state.LastSnapshotWeek, now, settings.MaxSnapshotWeeks);
        // A week to snapshot needs its items: ask for the whole answer then, never a 304.
        var query = new SourceQuery(
            state.SourceId,
            owed.Count == 0 && choice.Kind is CollectorKind.Feed or CollectorKind.YouTube ? state.Validators : default,
            owed.Count == 0 ? now : SnapshotWeeks.Start(owed[0]));
        var reading = await sources.ReadAsync(choice, query, cancellationToken);
        var activity = reading.Activity;
        var updated = Updated(state, choice, reading, now);

        // Both before the state write, so that a failure of either leaves the state as it was and the next collection repeats
        // them; independent of each other, so they go together.
        var snapshotsSent = SendSnapshotsAsync(key, profile, owed, reading, updated.Followers, cancellationToken);
        await Task.WhenAll(snapshotsSent, RecordActivityAsync(key, state, activity, cancellationToken));
        if (await snapshotsSent)
        {
            updated = updated with { LastSnapshotWeek = owed[^1] };
        }

        var written = stored is null
            ? await states.InsertAsync(updated, cancellationToken)
            : await states.ReplaceAsync(updated, stored.Version, cancellationToken);
        if (written.Status != WriteStatus.Written)
        {
            LogOvertaken(key.BusinessId, key.ProfileId, written.Status);
            return CollectOutcome.NotDue;
        }

        if (activity.Error is { } error)
        {
            LogFailed(key.BusinessId, key.ProfileId, error.Kind, error.Message, updated.NextDueAt);
            return CollectOutcome.Failed;
        }

        return activity.Status == CollectionStatus.Unchanged ? CollectOutcome.Unchanged : CollectOutcome.Collected;
    }

    /// <summary>Sends a snapshot for each owed week when the reading was whole and the profile alive; true when sent.</summary>
    private async Task<bool> SendSnapshotsAsync(
        ProfileKey key, Profile profile, IReadOnlyList<DateOnly> owed, SourceReading reading, long? followers, CancellationToken cancellationToken)
    {
        var activity = reading.Activity;
        if (activity.Status != CollectionStatus.Collected || !reading.Complete || owed.Count == 0 || activity.Life is not (LifeSignal.Alive or LifeSignal.Memorial))
        {
            return false;
        }

        if (snapshots is null)
        {
            LogNoSnapshotQueue(key.BusinessId, key.ProfileId);
            return false;
        }

        await snapshots.EnqueueAsync([.. owed.Select(week => Snapshot(profile, week, activity, followers))], cancellationToken);
        return true;
    }

    /// <summary>
    /// Records the last activity when it is newer than the state knew: the state is written after the log, so the activity it
    /// knows has been recorded already.
    /// </summary>
    private Task RecordActivityAsync(ProfileKey key, CollectionState state, CollectedActivity activity, CancellationToken cancellationToken) =>
        activity.LastActivity is { } lastActivity && activityLog is not null && !(lastActivity <= state.LastActivityAt)
            ? activityLog.RecordAsync(key, lastActivity, ActivitySource.Collector, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The profile's last collection as the API shows it; not found when the business has no such profile.</summary>
    public async Task<Outcome<CollectionView>> ViewAsync(ProfileKey key, CancellationToken cancellationToken)
    {
        var found = await profiles.FindAsync(key, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<CollectionView>("profileId", "no such profile in this business");
        }

        var choice = Choose(found.Value);
        var stored = await states.FindAsync(key, cancellationToken);
        var state = stored?.Value is { } s && s.Collector == choice.Kind && s.Source == CollectionState.SourceOf(choice) ? s : null;
        return Outcome.Ok(CollectionView.Of(choice, state));
    }

    public static CollectorChoice Choose(Profile profile) =>
        CollectorChooser.Choose(profile.Network, AbsoluteUri(profile.Url), AbsoluteUri(profile.FeedUrl));

    /// <summary>The business's due profiles, each with its stored state (null when none) for the message to carry.</summary>
    private async Task<IEnumerable<(ProfileKey Key, Versioned<CollectionState>? State)>> DueProfilesAsync(
        string businessId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profilesRead = profiles.ListAsync(businessId, cancellationToken);
        var statesRead = states.ListAsync(businessId, cancellationToken);
        var byProfile = (await statesRead).ToDictionary(s => s.Value.Profile.ProfileId, StringComparer.Ordinal);
        return (await profilesRead)
            .Select(p => (Key: new ProfileKey(businessId, p.Value.Id), Choice: Choose(p.Value), State: byProfile.GetValueOrDefault(p.Value.Id)))
            .Where(p => p.Choice.Kind != CollectorKind.None && Current(p.State, p.Key, p.Choice, now).NextDueAt <= now)
            .Select(p => (p.Key, p.State));
    }

    /// <summary>The stored state if it is about the same source; a new one (due now) when the profile changed source or has none.</summary>
    private static CollectionState Current(Versioned<CollectionState>? stored, ProfileKey key, CollectorChoice choice, DateTimeOffset now) =>
        Current(stored?.Value, key, choice, now);

    private static CollectionState Current(CollectionState? stored, ProfileKey key, CollectorChoice choice, DateTimeOffset now) =>
        stored is { } state && state.Collector == choice.Kind && state.Source == CollectionState.SourceOf(choice)
            ? state
            : CollectionState.New(key, choice, now);

    private CollectionState Updated(CollectionState state, CollectorChoice choice, SourceReading reading, DateTimeOffset now)
    {
        var settings = options.Value;
        var activity = reading.Activity;
        var failed = activity.Status == CollectionStatus.Failed;
        var newest = activity.Items.Where(i => i.Published is not null).MaxBy(i => i.Published);
        var failures = failed && activity.Error?.Kind != CollectionErrorKind.RateLimited ? state.ConsecutiveFailures + 1 : 0;
        var earliest = failures > 0 ? now + Backoff(failures, settings)
            : !reading.Complete || activity.Error is not null ? now
            : now + settings.CollectEvery;
        // A rate-limited source is asked again once its limit allows, not sooner, and not later than needed.
        var pause = fetcher.PauseAskedBy(activity);
        var nextDue = pause is { } wait && now + wait > earliest ? now + wait
            : activity.Error?.Kind == CollectionErrorKind.RateLimited && pause is null ? now + settings.RetryDelay
            : earliest;
        return state with
        {
            SourceId = activity.Profile.SourceId ?? state.SourceId,
            Validators = choice.Kind is not (CollectorKind.Feed or CollectorKind.YouTube) ? default
                : activity.Status == CollectionStatus.Collected ? activity.Validators
                : activity.Status == CollectionStatus.Unchanged ? state.Validators.UpdatedWith(activity.Validators)
                : state.Validators,
            LastItemId = newest?.Id ?? state.LastItemId,
            LastItemAt = newest?.Published ?? state.LastItemAt,
            ItemsSeen = activity.Status == CollectionStatus.Collected ? activity.Items.Count : state.ItemsSeen,
            LastActivityAt = Later(state.LastActivityAt, activity.LastActivity),
            Followers = activity.Profile.Followers ?? state.Followers,
            Cursor = reading.Complete ? null : activity.NextPage,
            Life = failed ? state.Life : activity.Life,
            MovedTo = failed ? state.MovedTo : activity.MovedTo,
            LifeSeenAt = failed ? state.LifeSeenAt : now,
            LastCollectedAt = now,
            LastStatus = activity.Status,
            LastErrorKind = activity.Error?.Kind ?? state.LastErrorKind,
            LastError = activity.Error is { } error ? Shorten(error.Message) : state.LastError,
            LastErrorAt = activity.Error is null ? state.LastErrorAt : now,
            ConsecutiveFailures = failures,
            NextDueAt = nextDue,
        };
    }

    private static TimeSpan Backoff(int failures, CollectorOptions settings)
    {
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(failures - 1, 20));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private static EngagementSnapshot Snapshot(Profile profile, DateOnly week, CollectedActivity activity, long? followers)
    {
        var period = activity.ForPeriod(SnapshotWeeks.Start(week), SnapshotWeeks.Start(week.AddDays(7)));
        var lastDay = week.AddDays(6);
        return new EngagementSnapshot
        {
            SnapshotId = EngagementSnapshot.NaturalId(profile.Id, week, lastDay),
            BusinessId = profile.BusinessId,
            ProfileId = profile.Id,
            Network = profile.Network,
            PeriodStart = week,
            PeriodEnd = lastDay,
            // Feeds publish no follower count: 0 says "unknown" to the scorer, which then reports no rate by followers.
            Followers = followers ?? 0,
            Posts = period.Posts,
            Impressions = period.Views,
            Reactions = period.Reactions,
            Comments = period.Comments,
            Shares = period.Shares,
            // What only the owner knows (answers, inbound messages, promotion, signatures): none counted.
            RepliesByBusiness = 0,
            InboundNeedingAnswer = 0,
            InboundAnswered = 0,
            PromotionalPosts = 0,
            SignedPosts = 0,
        };
    }

    private static Uri? AbsoluteUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection sweep asked for {Count} profiles to be collected")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection sweep stopped at {Max} messages; the rest wait for the next sweep")]
    private partial void LogSweepCapped(int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection sweep skipped business {BusinessId}: its profiles could not be read")]
    private partial void LogBusinessSkipped(Exception error, string businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {ProfileId} of business {BusinessId} is gone or has no collector: nothing collected")]
    private partial void LogNoCollector(string businessId, string profileId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collecting profile {ProfileId} of business {BusinessId} failed ({Kind}: {Error}); next try at {NextDueAt:O}")]
    private partial void LogFailed(string businessId, string profileId, CollectionErrorKind kind, string error, DateTimeOffset nextDueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection of profile {ProfileId} of business {BusinessId} was overtaken ({Status}): another collection wrote its state first, or the profile went")]
    private partial void LogOvertaken(string businessId, string profileId, WriteStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No snapshot queue is registered: the weekly snapshots of profile {ProfileId} of business {BusinessId} stay owed")]
    private partial void LogNoSnapshotQueue(string businessId, string profileId);
}
