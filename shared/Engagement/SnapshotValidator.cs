using Microsoft.Extensions.Options;
using SocialWatch.Profiles;

namespace SocialWatch.Engagement;

/// <summary>One thing wrong with one field: <see cref="Path"/> is its JSON path (<c>$.followers</c>, <c>$[3].posts</c>).</summary>
public sealed record FieldError(string Path, string Field, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a snapshot before it is accepted: counts are whole, non-negative and plausible, the period is real, and figures
/// that are parts of others do not exceed them. Returns every error at once, each keyed by the field at fault.
/// </summary>
public sealed class SnapshotValidator(IOptions<ScoringOptions> options, TimeProvider time)
{
    /// <summary>No social profile has a trillion of anything; the cap also keeps sums of counts far from overflow.</summary>
    public const long MaxCount = 1_000_000_000_000;

    public const int MaxIdLength = 128;

    private readonly ScoringOptions options = options.Value;

    /// <param name="knownProfiles">When given, the profile must be one of these and on the network recorded for it.</param>
    public IReadOnlyList<FieldError> Validate(EngagementSnapshot snapshot, string path = "$", IReadOnlyDictionary<string, Network>? knownProfiles = null)
    {
        var errors = new Errors(path);
        errors.Id(SnapshotFields.SnapshotId, snapshot.SnapshotId);
        errors.Id(SnapshotFields.BusinessId, snapshot.BusinessId);
        errors.Id(SnapshotFields.ProfileId, snapshot.ProfileId);
        CheckNetwork(snapshot, knownProfiles, errors);
        CheckPeriod(snapshot, errors);

        errors.Count(SnapshotFields.Followers, snapshot.Followers);
        errors.Count(SnapshotFields.Posts, snapshot.Posts);
        errors.Count(SnapshotFields.Reach, snapshot.Reach);
        errors.Count(SnapshotFields.Impressions, snapshot.Impressions);
        errors.Count(SnapshotFields.Reactions, snapshot.Reactions);
        errors.Count(SnapshotFields.Comments, snapshot.Comments);
        errors.Count(SnapshotFields.Shares, snapshot.Shares);
        errors.Count(SnapshotFields.RepliesByBusiness, snapshot.RepliesByBusiness);
        errors.Count(SnapshotFields.InboundNeedingAnswer, snapshot.InboundNeedingAnswer);
        errors.Count(SnapshotFields.InboundAnswered, snapshot.InboundAnswered);
        errors.Count(SnapshotFields.PromotionalPosts, snapshot.PromotionalPosts);
        errors.Count(SnapshotFields.SignedPosts, snapshot.SignedPosts);
        errors.Count(SnapshotFields.UniqueEngagers, snapshot.UniqueEngagers);
        errors.Count(SnapshotFields.ReturningEngagers, snapshot.ReturningEngagers);
        errors.Count(SnapshotFields.LinkClicks, snapshot.LinkClicks);
        errors.Count(SnapshotFields.Leads, snapshot.Leads);
        errors.Count(SnapshotFields.Conversions, snapshot.Conversions);

        errors.AtMost(SnapshotFields.PromotionalPosts, snapshot.PromotionalPosts, SnapshotFields.Posts, snapshot.Posts);
        errors.AtMost(SnapshotFields.SignedPosts, snapshot.SignedPosts, SnapshotFields.Posts, snapshot.Posts);
        errors.AtMost(SnapshotFields.InboundAnswered, snapshot.InboundAnswered, SnapshotFields.InboundNeedingAnswer, snapshot.InboundNeedingAnswer);
        errors.AtMost(SnapshotFields.Reach, snapshot.Reach, SnapshotFields.Impressions, snapshot.Impressions);
        errors.AtMost(SnapshotFields.ReturningEngagers, snapshot.ReturningEngagers, SnapshotFields.UniqueEngagers, snapshot.UniqueEngagers);
        if (snapshot.ReturningEngagers is not null && snapshot.UniqueEngagers is null)
        {
            errors.Add(SnapshotFields.ReturningEngagers, $"needs {SnapshotFields.UniqueEngagers}: returning engagers are a part of the unique engagers");
        }

        CheckMedianResponse(snapshot, errors);
        return errors.List;
    }

    /// <summary>
    /// Validates each snapshot of a batch (paths <c>$[i].field</c>) and the batch as a whole: no snapshot id twice, and no
    /// two periods of one profile overlapping (each day of a profile is counted once).
    /// </summary>
    public IReadOnlyList<FieldError> ValidateBatch(IReadOnlyList<EngagementSnapshot> snapshots, IReadOnlyDictionary<string, Network>? knownProfiles = null)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < snapshots.Count; i++)
        {
            errors.AddRange(Validate(snapshots[i], BatchPath(i), knownProfiles));
        }

        errors.AddRange(BatchClashes(snapshots).Select(clash => new FieldError($"{BatchPath(clash.Index)}.{clash.Field}", clash.Field, $"{clash.Problem} {BatchPath(clash.Other)}")));
        return errors;
    }

    public static string BatchPath(int index) => $"$[{index}]";

    /// <summary>Snapshots of one batch that repeat an id or overlap another period of the same profile.</summary>
    public static IEnumerable<BatchClash> BatchClashes(IReadOnlyList<EngagementSnapshot> snapshots)
    {
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < snapshots.Count; i++)
        {
            if (!firstById.TryAdd(snapshots[i].SnapshotId, i))
            {
                yield return new BatchClash(i, firstById[snapshots[i].SnapshotId], SnapshotFields.SnapshotId, "repeats the snapshot id of");
            }
        }

        foreach (var profile in Enumerable.Range(0, snapshots.Count).GroupBy(i => snapshots[i].ProfileId, StringComparer.Ordinal))
        {
            // Compare each period with the one reaching furthest so far: a long period can overlap several later ones.
            var furthest = -1;
            foreach (var i in profile.OrderBy(i => snapshots[i].PeriodStart))
            {
                if (furthest >= 0 && snapshots[i].PeriodStart <= snapshots[furthest].PeriodEnd && snapshots[i].SnapshotId != snapshots[furthest].SnapshotId)
                {
                    var earlier = snapshots[furthest];
                    yield return new BatchClash(i, furthest, SnapshotFields.PeriodStart,
                        $"overlaps the period {earlier.PeriodStart:yyyy-MM-dd} to {earlier.PeriodEnd:yyyy-MM-dd} of profile {earlier.ProfileId} in");
                }

                if (furthest < 0 || snapshots[i].PeriodEnd > snapshots[furthest].PeriodEnd)
                {
                    furthest = i;
                }
            }
        }
    }

    private static void CheckNetwork(EngagementSnapshot snapshot, IReadOnlyDictionary<string, Network>? knownProfiles, Errors errors)
    {
        if (!Enum.IsDefined(snapshot.Network))
        {
            errors.Add(SnapshotFields.Network, $"unknown network; known networks: {string.Join(", ", Networks.Names)}");
        }

        if (knownProfiles is null)
        {
            return;
        }

        if (!knownProfiles.TryGetValue(snapshot.ProfileId, out var network))
        {
            errors.Add(SnapshotFields.ProfileId, $"no profile '{snapshot.ProfileId}' in this business");
        }
        else if (network != snapshot.Network)
        {
            errors.Add(SnapshotFields.Network, $"profile '{snapshot.ProfileId}' is on {network.Name()}, not {snapshot.Network.Name()}");
        }
    }

    private void CheckPeriod(EngagementSnapshot snapshot, Errors errors)
    {
        if (snapshot.PeriodEnd < snapshot.PeriodStart)
        {
            errors.Add(SnapshotFields.PeriodEnd, $"ends before it starts ({snapshot.PeriodEnd:yyyy-MM-dd} is before {snapshot.PeriodStart:yyyy-MM-dd}); the end is the last day covered");
        }
        else if (snapshot.Days > options.MaxPeriodDays)
        {
            errors.Add(SnapshotFields.PeriodEnd, $"the period covers {snapshot.Days} days; at most {options.MaxPeriodDays} are allowed");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (snapshot.PeriodEnd > today)
        {
            errors.Add(SnapshotFields.PeriodEnd, $"is in the future (today is {today:yyyy-MM-dd}); send a period once it has ended");
        }
    }

    private static void CheckMedianResponse(EngagementSnapshot snapshot, Errors errors)
    {
        if (snapshot.MedianFirstResponseMinutes is not { } minutes)
        {
            return;
        }

        if (!double.IsFinite(minutes) || minutes < 0)
        {
            errors.Add(SnapshotFields.MedianFirstResponseMinutes, "must be a number of minutes, 0 or more");
        }
        else if (snapshot.InboundAnswered == 0)
        {
            errors.Add(SnapshotFields.MedianFirstResponseMinutes, $"needs at least one answered message ({SnapshotFields.InboundAnswered} is 0): there is no response time to take a median of");
        }
    }

    private sealed class Errors(string path)
    {
        public List<FieldError> List { get; } = [];

        public void Add(string field, string message) => List.Add(new FieldError($"{path}.{field}", field, message));

        public void Id(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "is required");
            }
            else if (value.Length > MaxIdLength)
            {
                Add(field, $"is {value.Length} characters long; at most {MaxIdLength} are allowed");
            }
            else if (value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
            {
                Add(field, "must not contain '/', '\\', '#', '?' or control characters");
            }
        }

        public void Count(string field, long? value)
        {
            if (value < 0)
            {
                Add(field, $"must not be negative; it is {value}");
            }
            else if (value > MaxCount)
            {
                Add(field, $"is not a plausible count; at most {MaxCount} is accepted");
            }
        }

        public void AtMost(string field, long? part, string wholeField, long? whole)
        {
            if (part > whole && part >= 0)
            {
                Add(field, $"is {part}, more than {wholeField} ({whole}) of which it is a part");
            }
        }
    }
}

/// <summary>
/// A snapshot of a batch that clashes with another one (<see cref="Other"/>) at <see cref="Field"/>;
/// <see cref="Problem"/> is completed by the name of the other one (<c>$[2]</c>, <c>row 4</c>).
/// </summary>
public sealed record BatchClash(int Index, int Other, string Field, string Problem);
