using System.Text.Json.Serialization;

namespace SocialWatch.Engagement.Scoring;

/// <summary>
/// A figure that is either a finite number or "not available" with the reason: a division by zero or a figure the
/// business does not track never turns into NaN, Infinity or a misleading 0.
/// </summary>
public readonly record struct Measure
{
    [JsonConstructor]
    private Measure(double? value, string? notAvailableBecause) => (Value, NotAvailableBecause) = (value, notAvailableBecause);

    public double? Value { get; }

    public string? NotAvailableBecause { get; }

    [JsonIgnore]
    public bool IsAvailable => Value is not null;

    public static Measure Of(double value) =>
        double.IsFinite(value) ? new Measure(value, null) : throw new ArgumentOutOfRangeException(nameof(value), value, "A measure is a finite number.");

    public static Measure NotAvailable(string because) => new(null, because);

    /// <summary><paramref name="numerator"/> ÷ <paramref name="denominator"/> × <paramref name="scale"/>, or not available when the denominator is 0.</summary>
    public static Measure Ratio(double numerator, double denominator, double scale, string whenDenominatorIsZero) =>
        denominator == 0 ? NotAvailable(whenDenominatorIsZero) : Of(numerator / denominator * scale);

    /// <summary>Applies <paramref name="map"/> to an available value; keeps the reason of an unavailable one.</summary>
    public Measure Map(Func<double, Measure> map) => Value is { } value ? map(value) : this;

    public override string ToString() => Value is { } value ? value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : $"not available ({NotAvailableBecause})";
}
