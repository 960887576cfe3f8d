using SocialWatch.Benchmarks;
using SocialWatch.Profiles;
using SocialWatch.Storage;

namespace SocialWatch.Engagement.Storage;

/// <summary>
/// A profile's benchmark state as of its latest scoring: every metric against its baseline, rolling median and trend, and
/// its engagement rate against the industry median. Precomputed when a snapshot is scored, so reading it costs one read.
/// <see cref="HistoryFingerprint"/> identifies the snapshots it was computed from (<see cref="Fingerprints.History"/>).
/// </summary>
public sealed record BenchmarkState(
    string BusinessId,
    string ProfileId,
    Network Network,
    int ScoredPeriods,
    DateOnly FirstPeriodStart,
    DateOnly LatestPeriodEnd,
    ProfileBenchmarks Benchmarks,
    string HistoryFingerprint,
    DateTimeOffset UpdatedAt);

/// <summary>Benchmark states by profile; <see cref="IRecordStore{TKey, TRecord}.ListAsync"/> gives a business's, one query.</summary>
public interface IBenchmarkStateStore : IRecordStore<ProfileKey, BenchmarkState>;
