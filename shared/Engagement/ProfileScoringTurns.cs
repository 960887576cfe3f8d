using SocialWatch.Profiles;

namespace SocialWatch.Engagement;

/// <summary>
/// Takes the scorings of one profile in this instance one at a time, and tells a scoring whether an earlier one already
/// read a history holding its snapshot and completed (the state then covers it: nothing is left to read or write).
/// A year uploaded at once puts several snapshots of each profile in flight; without turns they race for the profile's
/// benchmark state and all but one read and compute again. Profiles are independent (no global lock), and a profile's
/// entry lives only while a scoring of it does, so memory follows the scorings in flight, not the profiles ever seen.
/// Races with other instances are still settled by the state's ETag. While a profile has scorings in progress, a turn also
/// passes what it wrote of the state to the next (<see cref="ProfileTurn.Written"/>): the next turn need not read it back,
/// and if another instance wrote it since, the conditional write fails and the turn reads it.
/// </summary>
public sealed class ProfileScoringTurns
{
    private readonly Lock sync = new();
    private readonly Dictionary<ProfileKey, Entry> entries = [];

    /// <summary>Profiles with a scoring in progress in this instance (0 when none is).</summary>
    public int ActiveProfiles
    {
        get
        {
            lock (sync)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Joins the profile's scorings, before storing the snapshot; dispose the turn when the scoring ends, however it ends.</summary>
    public ProfileTurn Join(ProfileKey profile)
    {
        lock (sync)
        {
            if (!entries.TryGetValue(profile, out var entry))
            {
                entry = new Entry();
                entries[profile] = entry;
            }

            entry.Scorings++;
            return new ProfileTurn(this, profile, entry);
        }
    }

    private void Leave(ProfileKey profile, Entry entry)
    {
        lock (sync)
        {
            if (--entry.Scorings == 0)
            {
                entries.Remove(profile);
            }
        }
    }

    /// <summary>One profile's scorings in progress: whose turn it is, how many snapshots they stored, how many a completed turn covered.</summary>
    internal sealed class Entry
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Scorings { get; set; }

        public long Stored;

        public long Covered;

        public WrittenState? Written { get; set; }
    }

    /// <summary>A scoring's place among its profile's scorings in this instance.</summary>
    public sealed class ProfileTurn : IDisposable
    {
        private readonly ProfileScoringTurns turns;
        private readonly ProfileKey profile;
        private readonly Entry entry;
        private long stored;
        private bool holding;
        private bool disposed;

        internal ProfileTurn(ProfileScoringTurns turns, ProfileKey profile, Entry entry)
        {
            this.turns = turns;
            this.profile = profile;
            this.entry = entry;
        }

        /// <summary>
        /// True when a turn that started reading the history after this scoring's snapshot was stored has completed: its
        /// scores and state were computed from a history holding this snapshot.
        /// </summary>
        public bool IsCovered => stored > 0 && stored <= Interlocked.Read(ref entry.Covered);

        /// <summary>Call when the snapshot's write returned: any history read from now on holds it.</summary>
        public void SnapshotStored() => stored = Interlocked.Increment(ref entry.Stored);

        /// <summary>
        /// What the last turn of the profile in this instance wrote, for the turn holding it now; null when no turn wrote since
        /// the profile's scorings began, or the last write was refused. Only the holder of the turn reads or sets it.
        /// </summary>
        public WrittenState? Written
        {
            get => entry.Written;
            set => entry.Written = value;
        }

        /// <summary>Waits until no other scoring of the profile in this instance holds the turn.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await entry.Turn.WaitAsync(cancellationToken);
            holding = true;
        }

        /// <summary>Call right before reading the history: what a turn completed on that read will cover.</summary>
        public long StoredBeforeRead() => Interlocked.Read(ref entry.Stored);

        /// <summary>The turn completed (state written, or found current) on a history read after <paramref name="storedBeforeRead"/>.</summary>
        public void Completed(long storedBeforeRead)
        {
            // Only the holder of the turn writes this, so a plain compare-and-set is enough.
            if (storedBeforeRead > Interlocked.Read(ref entry.Covered))
            {
                Interlocked.Exchange(ref entry.Covered, storedBeforeRead);
            }
        }

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (holding)
            {
                entry.Turn.Release();
            }

            turns.Leave(profile, entry);
        }
    }
}

/// <summary>A benchmark state as a turn wrote it: the fingerprint of the history it was computed from, and its version.</summary>
public sealed record WrittenState(string HistoryFingerprint, string Version);
