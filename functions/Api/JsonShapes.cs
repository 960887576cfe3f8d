using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SocialWatch.Functions.Api;

/// <summary>
/// What the body type expects at a JSON path, found by walking its serializer contract: the message for a value the
/// serializer refused there ("must be a number", "must be one of: facebook, …", "is not a known property").
/// </summary>
public static class JsonShapes
{
    public static string Expectation(JsonSerializerOptions options, Type root, string? path)
    {
        var type = root;
        foreach (var segment in Segments(path))
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            if (segment is null)
            {
                if (info.ElementType is not { } element)
                {
                    return Describe(type);
                }

                type = element;
            }
            else if (info.Kind == JsonTypeInfoKind.Object)
            {
                var property = info.Properties.FirstOrDefault(p => p.Name == segment);
                if (property is null)
                {
                    return "is not a known property";
                }

                type = property.PropertyType;
            }
            else
            {
                return Describe(type);
            }
        }

        return Describe(type);
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"must be one of: {string.Join(", ", WireNames.Of(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "must be a string",
            TypeCode.Boolean => "must be true or false",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "must be a number",
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte => "must be a whole number",
            _ when type == typeof(DateOnly) => "must be a date: YYYY-MM-DD",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "must be a date and time: RFC 3339",
            _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "must be an array",
            _ => "must be an object",
        };
    }

    /// <summary>The steps of a serializer path (<c>$.networks[0]['odd.name']</c>): property names, and null for an array index.</summary>
    private static IEnumerable<string?> Segments(string? path)
    {
        var text = path ?? "$";
        var i = text.StartsWith('$') ? 1 : 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                yield return text[(i + 1)..end];
                i = end;
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                yield return text[(i + 2)..end];
                i = Math.Min(end + 2, text.Length);
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                yield return null;
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                yield break;
            }
        }
    }
}
