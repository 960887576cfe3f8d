using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialWatch.Checks.Rules;

/// <summary>
/// One compiled rule: every condition it states must hold for it to match; a rule stating none matches everything
/// (only the last fallback rule may). Conditions read the final answer of a fetch through <see cref="ResponseFacts"/>.
/// </summary>
public sealed class ResponseRule
{
    internal ResponseRule(string id, CheckClass checkClass, string? why)
    {
        Id = id;
        Class = checkClass;
        Why = why;
    }

    public string Id { get; }

    public CheckClass Class { get; }

    /// <summary>Why the network's answer means this: shown as the result's detail.</summary>
    public string? Why { get; }

    /// <summary>For moved rules: the dotted JSON path holding the new address (else the final URL is it).</summary>
    public string? MovedToJsonPath { get; internal init; }

    internal IReadOnlyList<StatusPattern> Statuses { get; init; } = [];

    internal IReadOnlyList<string> BodyMarkers { get; init; } = [];

    internal bool? Redirected { get; init; }

    internal Regex? FinalHost { get; init; }

    internal Regex? FinalPath { get; init; }

    internal string? HeaderName { get; init; }

    internal string? HeaderContains { get; init; }

    internal string? JsonPath { get; init; }

    internal JsonElement? JsonEqualTo { get; init; }

    internal bool? JsonPresent { get; init; }

    internal bool? RedirectedToOtherProfile { get; init; }

    internal bool IsCatchAll => Statuses.Count == 0 && BodyMarkers.Count == 0 && Redirected is null && FinalHost is null && FinalPath is null
        && HeaderName is null && JsonPath is null && RedirectedToOtherProfile is null;

    public bool Matches(ResponseFacts facts) =>
        (Statuses.Count == 0 || Statuses.Any(s => s.Matches(facts.Status)))
        && (Redirected is not { } redirected || redirected == facts.Redirected)
        && (FinalHost is null || FinalHost.IsMatch(facts.FinalHost))
        && (FinalPath is null || FinalPath.IsMatch(facts.FinalPath))
        && (HeaderName is null || HeaderMatches(facts.Header(HeaderName)))
        && (RedirectedToOtherProfile is not { } other || other == facts.RedirectedToOtherProfile)
        && (BodyMarkers.Count == 0 || BodyMarkers.Any(m => facts.Body.Contains(m, StringComparison.OrdinalIgnoreCase)))
        && (JsonPath is null || JsonMatches(facts.JsonAt(JsonPath)));

    private bool HeaderMatches(string? value) =>
        value is not null && (HeaderContains is null || value.Contains(HeaderContains, StringComparison.OrdinalIgnoreCase));

    private bool JsonMatches(JsonElement? value)
    {
        var present = value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if (JsonPresent is { } wanted)
        {
            return wanted == present;
        }

        return present && JsonEqualTo is { } expected && SameValue(value!.Value, expected);
    }

    private static bool SameValue(JsonElement actual, JsonElement expected) => (actual.ValueKind, expected.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => actual.GetString() == expected.GetString(),
        (JsonValueKind.Number, JsonValueKind.Number) => actual.TryGetDecimal(out var a) && expected.TryGetDecimal(out var e)
            ? a == e
            : actual.GetRawText() == expected.GetRawText(),
        (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) => true,
        _ => false,
    };
}

/// <summary>A status condition: an exact code ("404") or a class ("5xx").</summary>
internal readonly record struct StatusPattern(int Code, bool WholeClass)
{
    private static readonly Regex Shape = new("^[1-9]([0-9]{2}|xx)$", RegexOptions.CultureInvariant);

    public static bool TryParse(string text, out StatusPattern pattern)
    {
        pattern = default;
        if (!Shape.IsMatch(text))
        {
            return false;
        }

        pattern = text.EndsWith("xx", StringComparison.Ordinal)
            ? new StatusPattern(text[0] - '0', WholeClass: true)
            : new StatusPattern(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture), WholeClass: false);
        return true;
    }

    public bool Matches(int? status) => status is { } s && (WholeClass ? s / 100 == Code : s == Code);
}
