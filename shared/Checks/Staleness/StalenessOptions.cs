using Microsoft.Extensions.Options;

namespace SocialWatch.Checks.Staleness;

/// <summary>
/// Staleness thresholds, in planned intervals (7 days ÷ the plan's posts per week for the network). See docs/checks.md.
/// </summary>
public sealed class StalenessOptions
{
    public const string SectionName = "SocialWatch:Checks:Staleness";

    public double SlowingAfterIntervals { get; set; } = 1.5;

    public double StaleAfterIntervals { get; set; } = 2;

    public double AbandonedAfterIntervals { get; set; } = 4;

    /// <summary>Abandoned never comes sooner than this, however frequent the plan (a daily cadence is not abandoned after four quiet days).</summary>
    public TimeSpan AbandonedAfterAtLeast { get; set; } = TimeSpan.FromDays(30);
}

public sealed class StalenessOptionsValidator : IValidateOptions<StalenessOptions>
{
    public ValidateOptionsResult Validate(string? name, StalenessOptions options)
    {
        const string S = StalenessOptions.SectionName;
        var failures = new List<string>();
        if (!(options.SlowingAfterIntervals > 0 && options.SlowingAfterIntervals < options.StaleAfterIntervals && options.StaleAfterIntervals <= options.AbandonedAfterIntervals))
        {
            failures.Add($"{S}: thresholds must grow: 0 < SlowingAfterIntervals ({options.SlowingAfterIntervals}) < StaleAfterIntervals ({options.StaleAfterIntervals}) <= AbandonedAfterIntervals ({options.AbandonedAfterIntervals}).");
        }

        if (options.AbandonedAfterAtLeast <= TimeSpan.Zero)
        {
            failures.Add($"{S}:AbandonedAfterAtLeast must be positive; it is {options.AbandonedAfterAtLeast}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
