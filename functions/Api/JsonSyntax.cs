using System.Text;
using System.Text.Json;

namespace SocialWatch.Functions.Api;

/// <summary>
/// A first pass over a body with the JSON reader: malformed JSON and duplicate properties, reported at the path where they
/// occur. The serializer then only has types and unknown properties left to refuse.
/// </summary>
public static class JsonSyntax
{
    public const int MaxDepth = 32;

    public readonly record struct Fault(string Path, string Message);

    public static Fault? FindFault(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        frame.Property = reader.GetString()!;
                        if (!frame.Names.Add(frame.Property))
                        {
                            return new Fault(ErrorKey(Path(frames)), "appears more than once");
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountItem(frames);
                        frames.Push(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        CountItem(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own position; ours says where in the document instead.
            var message = e.Message.Split(" LineNumber:", 2)[0].TrimEnd(' ', '.', '|');
            return new Fault(ErrorKey(Path(frames)), $"is not valid JSON: {message} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }

        return null;
    }

    /// <summary>The key of an error in the problem's <c>errors</c>: the path without its leading <c>$.</c>; <c>$</c> for the whole body.</summary>
    public static string ErrorKey(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];

    private static void CountItem(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var parent) && parent.IsArray)
        {
            parent.Count++;
        }
    }

    private static string Path(Stack<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames.Reverse())
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(Math.Max(frame.Count - 1, 0)).Append(']');
            }
            else if (frame.Property is not null)
            {
                path.Append('.').Append(frame.Property);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Count { get; set; }

        public string? Property { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
