using SocialWatch.Benchmarks;
using SocialWatch.Businesses;
using SocialWatch.Engagement.Scoring;
using SocialWatch.Engagement.Storage;
using SocialWatch.Plans;
using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Engagement;

public sealed record BusinessBenchmarks(string BusinessId, IReadOnlyList<BenchmarkState> Profiles);

public sealed record ProfilePeriods(string ProfileId, Network Network, IReadOnlyList<SnapshotScores> Periods);

/// <summary>The scores (with every health component) of the periods within <see cref="From"/>–<see cref="To"/>, and the plan's goals as of <see cref="To"/>.</summary>
public sealed record PeriodReport(string BusinessId, DateOnly From, DateOnly To, IReadOnlyList<ProfilePeriods> Profiles, IReadOnlyList<PlanGoalStatus> Goals);

public sealed record GoalsReport(string BusinessId, DateOnly Today, IReadOnlyList<PlanGoalStatus> Goals);

public sealed record YearOverYearReview(string BusinessId, DateOnly? Period, IReadOnlyList<YearOverYearComparison> Profiles);

/// <summary>
/// One metric over every scored period of each profile, as parallel columns (a chart's points), with the profile's
/// baseline and, for the engagement rate, its network's industry median: what the dashboard draws, in one small answer.
/// </summary>
public sealed record MetricSeries(string BusinessId, EngagementMetric Metric, string Unit, IReadOnlyList<ProfileSeries> Profiles);

/// <param name="Values">The metric in each period of <paramref name="PeriodStarts"/> (null where not available), rounded to 4 decimals.</param>
/// <param name="Baseline">The median of the profile's first periods, from its benchmark state (null before it is scored).</param>
/// <param name="IndustryMedian">The published median of the profile's network (engagement rate only; null otherwise or when unknown).</param>
public sealed record ProfileSeries(
    string ProfileId,
    Network Network,
    IReadOnlyList<DateOnly> PeriodStarts,
    IReadOnlyList<double?> Values,
    double? Baseline,
    double? IndustryMedian,
    string? IndustrySource);

/// <summary>What a business reads back: benchmark states, period reports, goal status and the year-over-year review.</summary>
public sealed class EngagementReports(
    IBusinessStore businesses,
    IPlanStore plans,
    IProfileStore profiles,
    ISnapshotStore snapshots,
    IBenchmarkStateStore states,
    IRejectedSnapshotStore rejected,
    GoalEvaluator goals,
    TimeProvider time)
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const string PeriodField = "period";
    public const string MetricField = "metric";

    /// <summary>Decimals kept in a series: finer than any chart shows, and a fifth of the JSON of full doubles.</summary>
    private const int SeriesDecimals = 4;

    /// <summary>
    /// Every current profile's state as scoring stored it: two partition queries side by side (the states, and the profiles
    /// so that a deleted profile's state is left out), or none within the read cache's lifetime. Its version (the ETag) is a
    /// fingerprint of the listed states' versions, so it changes whenever a profile is scored or deleted.
    /// </summary>
    public async Task<Outcome<BusinessBenchmarks>> BenchmarksAsync(string businessId, CancellationToken cancellationToken)
    {
        var stored = states.ListAsync(businessId, cancellationToken);
        var current = profiles.ListAsync(businessId, cancellationToken);
        await Task.WhenAll(stored, current);
        var ids = (await current).Select(p => p.Value.Id).ToHashSet(StringComparer.Ordinal);
        var listed = (await stored).Where(s => ids.Contains(s.Value.ProfileId)).ToList();
        var version = Fingerprints.Versions(listed.Select(s => (s.Value.ProfileId, s.Version)));
        return Outcome.Ok(new BusinessBenchmarks(businessId, listed.Select(s => s.Value).ToList()), version);
    }

    /// <summary>The profile's state: two point reads side by side (the profile must still exist), or none from the read cache.</summary>
    public async Task<Outcome<BenchmarkState>> ProfileBenchmarksAsync(string businessId, string profileId, CancellationToken cancellationToken)
    {
        var key = new ProfileKey(businessId, profileId);
        var state = states.FindAsync(key, cancellationToken);
        var profile = profiles.FindAsync(key, cancellationToken);
        await Task.WhenAll(state, profile);
        if (await profile is null)
        {
            return Outcome.NotFound<BenchmarkState>("profileId", $"The business has no profile '{profileId}'.");
        }

        return await state is { } found
            ? Outcome.Ok(found.Value, found.Version)
            : Outcome.NotFound<BenchmarkState>("profileId", $"No scored snapshot of profile '{profileId}' yet: post snapshots first.");
    }

    /// <param name="fromText">The first day of the report (query <c>from</c>, yyyy-MM-dd).</param>
    /// <param name="toText">The last day of the report, included (query <c>to</c>).</param>
    public async Task<Outcome<PeriodReport>> ReportAsync(string businessId, string? fromText, string? toText, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var from = Date(fromText, FromField, required: true, errors);
        var to = Date(toText, ToField, required: true, errors);
        if (to < from)
        {
            errors.Add(ToField, $"is before {FromField}: the report runs from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<PeriodReport>(errors);
        }

        var (today, plan, scores) = await ReadAsync(businessId, cancellationToken);
        var asOf = today < to!.Value ? today : to.Value;
        var profiles = scores
            .Where(s => s.PeriodStart >= from && s.PeriodEnd <= to)
            .GroupBy(s => (s.ProfileId, s.Network))
            .Select(g => new ProfilePeriods(g.Key.ProfileId, g.Key.Network, g.OrderBy(s => s.PeriodStart).ToList()))
            .ToList();
        return Outcome.Ok(new PeriodReport(businessId, from!.Value, to.Value, profiles, Goals(plan, scores, asOf)));
    }

    public async Task<Outcome<GoalsReport>> GoalsAsync(string businessId, CancellationToken cancellationToken)
    {
        var (today, plan, scores) = await ReadAsync(businessId, cancellationToken);
        return plan is null
            ? Outcome.NotFound<GoalsReport>("plan", "This business has no plan yet: PUT one with its goals.")
            : Outcome.Ok(new GoalsReport(businessId, today, Goals(plan, scores, today)));
    }

    /// <param name="periodText">The first day of the compared period (query <c>period</c>, yyyy-MM-dd); each profile's latest period when absent.</param>
    public async Task<Outcome<YearOverYearReview>> YearOverYearAsync(string businessId, string? periodText, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var period = Date(periodText, PeriodField, required: false, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<YearOverYearReview>(errors);
        }

        var (_, _, scores) = await ReadAsync(businessId, cancellationToken);
        var comparisons = scores
            .GroupBy(s => s.ProfileId)
            .Select(history => (history, current: period is { } start ? history.FirstOrDefault(s => s.PeriodStart == start) : history.MaxBy(s => s.PeriodStart)))
            .Where(p => p.current is not null)
            .Select(p => YearOverYear.Compare(p.current!, p.history))
            .ToList();
        return Outcome.Ok(new YearOverYearReview(businessId, period, comparisons));
    }

    /// <param name="metricText">The metric's wire name (query <c>metric</c>); the engagement rate when absent.</param>
    public async Task<Outcome<MetricSeries>> SeriesAsync(string businessId, string? metricText, CancellationToken cancellationToken)
    {
        var metric = EngagementMetric.EngagementRate;
        if (!string.IsNullOrEmpty(metricText) && !WireNames.TryParse(metricText, out metric))
        {
            var errors = new ValidationErrors();
            errors.Add(MetricField, $"'{metricText}' is not a metric: one of {string.Join(", ", WireNames.All<EngagementMetric>())}");
            return Outcome.Invalid<MetricSeries>(errors);
        }

        var all = snapshots.ListScoresAsync(businessId, cancellationToken);
        var benchmarks = states.ListAsync(businessId, cancellationToken);
        await Task.WhenAll(all, benchmarks);
        var stateOf = (await benchmarks).ToDictionary(s => s.Value.ProfileId, s => s.Value.Benchmarks, StringComparer.Ordinal);
        var profiles = (await all)
            .GroupBy(s => (s.ProfileId, s.Network))
            .Select(g =>
            {
                var points = metric.Series(g);
                var state = stateOf.GetValueOrDefault(g.Key.ProfileId);
                var industry = metric == EngagementMetric.EngagementRate ? state?.Industry : null;
                return new ProfileSeries(
                    g.Key.ProfileId,
                    g.Key.Network,
                    points.Select(p => p.PeriodStart).ToList(),
                    points.Select(p => p.Value is { } v ? Math.Round(v, SeriesDecimals) : (double?)null).ToList(),
                    state?.Metrics.GetValueOrDefault(metric)?.Baseline.Value,
                    industry?.MedianPercent.Value,
                    industry?.Citation);
            })
            .ToList();
        return Outcome.Ok(new MetricSeries(businessId, metric, metric.Definition().Unit, profiles));
    }

    public async Task<Outcome<IReadOnlyList<RejectedSnapshot>>> RejectedAsync(string businessId, CancellationToken cancellationToken) =>
        Outcome.Ok<IReadOnlyList<RejectedSnapshot>>((await rejected.ListAsync(businessId, cancellationToken)).Select(r => r.Value).ToList());

    private static DateOnly? Date(string? text, string field, bool required, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, "is required: a date written yyyy-MM-dd");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text}' is not a date written yyyy-MM-dd");
        return null;
    }

    /// <summary>Today in the business's time zone, its plan and every scored snapshot: three reads side by side.</summary>
    private async Task<(DateOnly Today, Plan? Plan, IReadOnlyList<SnapshotScores> Scores)> ReadAsync(string businessId, CancellationToken cancellationToken)
    {
        var business = businesses.FindAsync(businessId, cancellationToken);
        var plan = plans.FindAsync(businessId, cancellationToken);
        var all = snapshots.ListScoresAsync(businessId, cancellationToken);
        await Task.WhenAll(business, plan, all);
        var today = (await business)?.Value.Today(time) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return (today, (await plan)?.Value, await all);
    }

    private List<PlanGoalStatus> Goals(Plan? plan, IReadOnlyList<SnapshotScores> scores, DateOnly asOf) =>
        plan?.Goals.Select(goal => PlanGoals.Evaluate(goal, scores, goals, asOf)).ToList() ?? [];
}

/// <summary>The benchmark state as CSV: one row per profile and metric (columns in docs/engagement.md).</summary>
public static class BenchmarkCsv
{
    public static string Write(BusinessBenchmarks benchmarks)
    {
        var csv = new CsvText("profileId", "network", "metric", "unit", "periodStart", "periodEnd", "value", "baseline", "rollingMedian", "trendPerWeek",
            "vsBaselinePercent", "vsRollingMedianPercent", "industryMedianPercent", "industrySource");
        foreach (var state in benchmarks.Profiles)
        {
            foreach (var (metric, benchmark) in state.Benchmarks.Metrics.OrderBy(m => m.Key))
            {
                var industry = metric == EngagementMetric.EngagementRate ? state.Benchmarks.Industry : null;
                csv.Row(state.ProfileId, state.Network.Name(), WireNames.Name(metric), metric.Definition().Unit, benchmark.Period?.PeriodStart, benchmark.Period?.PeriodEnd,
                    benchmark.Period?.Value, benchmark.Baseline.Value, benchmark.RollingMedian.Value, benchmark.Trend.SlopePerWeek.Value,
                    benchmark.VsBaseline.PercentChange, benchmark.VsRollingMedian.PercentChange, industry?.MedianPercent.Value, industry?.Citation);
            }
        }

        return csv.ToString();
    }
}
