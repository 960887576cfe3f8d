using System.Globalization;
using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Verdicts;

/// <summary>Whether a sweep's results may change any profile's state, and why not.</summary>
public sealed record SweepVerdict(bool IsVoid, string Reason, int Results, int Transient)
{
    public double TransientShare => Results == 0 ? 0 : (double)Transient / Results;
}

/// <summary>
/// Voids a sweep when the checker itself is the likely problem: the connectivity canary did not answer, or too large a
/// share of the sweep's results are transient (an outage here or at a network). A void sweep changes no state.
/// </summary>
public sealed class SweepGuard(IOptions<SweepGuardOptions> options)
{
    /// <param name="canary">The connectivity canary's result for this sweep (null: it was not run, which voids the sweep).</param>
    /// <param name="results">The sweep's check results so far.</param>
    public SweepVerdict Evaluate(CheckResult? canary, IReadOnlyCollection<CheckResult> results) =>
        Evaluate(canary, results.Count, results.Count(r => r.Class == CheckClass.Transient));

    /// <param name="canary">The connectivity canary's result for this sweep (null: it was not run, which voids the sweep).</param>
    /// <param name="results">How many results the sweep has so far (a tally: the results themselves are not kept).</param>
    /// <param name="transient">How many of them were transient.</param>
    public SweepVerdict Evaluate(CheckResult? canary, int results, int transient)
    {
        var settings = options.Value;
        if (canary is null)
        {
            return new SweepVerdict(true, "sweep void: the connectivity canary was not checked", results, transient);
        }

        if (canary.Class != CheckClass.Alive)
        {
            return new SweepVerdict(true, $"sweep void: connectivity canary {canary.Url} was {canary.Class} ({canary.Evidence.RuleId}: {canary.Evidence.Detail}); the checker may be offline", results, transient);
        }

        var verdict = new SweepVerdict(false, string.Empty, results, transient);
        if (results >= settings.MinimumSample && verdict.TransientShare > settings.MaxTransientShare)
        {
            return verdict with
            {
                IsVoid = true,
                Reason = string.Create(CultureInfo.InvariantCulture, $"sweep void: {transient} of {results} results transient ({verdict.TransientShare * 100:0.#}%, above {settings.MaxTransientShare * 100:0.#}%); an outage, not {transient} dead profiles"),
            };
        }

        return verdict with { Reason = string.Create(CultureInfo.InvariantCulture, $"sweep valid: {transient} of {results} results transient") };
    }
}
