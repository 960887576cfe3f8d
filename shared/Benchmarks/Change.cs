namespace SocialWatch.Benchmarks;

/// <summary>
/// A value against a reference: the difference, and the percent change relative to the size of the reference.
/// Each is null when an input is missing; the percent change also when the reference is 0.
/// </summary>
public sealed record Change(double? Current, double? Reference, double? Difference, double? PercentChange)
{
    public static Change Between(double? current, double? reference) => new(
        current,
        reference,
        current - reference,
        current is { } now && reference is { } then && then != 0 ? (now - then) / Math.Abs(then) * 100 : null);
}
