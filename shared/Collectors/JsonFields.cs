using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace SocialWatch.Collectors;

/// <summary>
/// Reads the few fields a collector needs from a Utf8JsonReader in one forward pass, with the rules the source-generated
/// contracts had: null allowed, counts as numbers or numeric strings, anything else of the wrong type a <see cref="JsonException"/>
/// naming where it is ($[1].replies_count), and text that is not UTF-8 refused the same way.
/// </summary>
internal static class JsonFields
{
    /// <summary>Moves to the next token; the reader is over a whole answer, so running out is a truncated document.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The JSON ends before its value does.");

    /// <summary>Moves to the next property of the object the reader is in; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.PropertyName;

    /// <summary>Moves into the value; true for an object, false for null, a <see cref="JsonException"/> for anything else.</summary>
    public static bool StartObject(ref Utf8JsonReader reader, string path) => Next(ref reader) switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        var other => throw WrongType(other, "an object", path),
    };

    /// <summary>Refuses, with a <see cref="JsonException"/>, a value that is not an object where the reader is.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongType(reader.TokenType, "an object", path);
        }
    }

    /// <summary>Moves into the value; true for an array, false for null, a <see cref="JsonException"/> for anything else.</summary>
    public static bool StartArray(ref Utf8JsonReader reader, string path) => Next(ref reader) switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        var other => throw WrongType(other, "an array", path),
    };

    /// <summary>The value of property <paramref name="field"/> of the object at <paramref name="path"/>, which the reader is on.</summary>
    public static string? String(ref Utf8JsonReader reader, string path, string field)
    {
        Next(ref reader);
        return CurrentString(ref reader, path, field);
    }

    /// <summary>
    /// A date as <see cref="SourceDates.Parse"/> reads it. The usual form, RFC 3339 in UTC ("2026-11-14T17:05:22.391Z"), is read
    /// straight from the UTF-8 bytes; anything else (other offsets, odd forms) goes through SourceDates as text.
    /// </summary>
    public static DateTimeOffset? Date(ref Utf8JsonReader reader, string path, string field)
    {
        if (Next(ref reader) == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out var utc))
        {
            return utc.ToUniversalTime();
        }

        return SourceDates.Parse(CurrentString(ref reader, path, field));
    }

    /// <summary>A whole number, written as a number or as a string of digits (some servers quote their counts).</summary>
    public static long? Count(ref Utf8JsonReader reader, string path, string field)
    {
        switch (Next(ref reader))
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence
                && Utf8Parser.TryParse(reader.ValueSpan, out long quoted, out var used) && used == reader.ValueSpan.Length:
                return quoted;
            case JsonTokenType.String when reader.ValueIsEscaped && long.TryParse(CurrentString(ref reader, path, field), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var escaped):
                return escaped;
            default:
                throw WrongType(reader.TokenType, "a whole number", $"{path}.{field}");
        }
    }

    public static string Item(string path, int index) => $"{path}[{index}]";

    private static string? CurrentString(ref Utf8JsonReader reader, string path, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException e)
                {
                    throw new JsonException($"The text at {path}.{field} is not valid UTF-8.", $"{path}.{field}", null, null, e);
                }

            default:
                throw WrongType(reader.TokenType, "a string", $"{path}.{field}");
        }
    }

    private static JsonException WrongType(JsonTokenType token, string expected, string path) =>
        new($"The JSON value at {path} is {token} where {expected} belongs.", path, null, null);
}
