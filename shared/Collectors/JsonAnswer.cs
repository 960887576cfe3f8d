using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SocialWatch.Collectors;

/// <summary>Reads one JSON value from a reader that has not read it yet; a value of the wrong shape is a <see cref="JsonException"/>.</summary>
internal delegate T? JsonParse<T>(ref Utf8JsonReader reader)
    where T : class;

/// <summary>
/// Reads a JSON API answer: the body, at most <see cref="CollectorOptions.MaxJsonBytes"/> and within
/// <see cref="CollectorOptions.MaxReadTime"/>, into one pooled buffer, then one forward pass of a Utf8JsonReader over it (a
/// hand-written field reader for the pages, a source-generated contract for the small answers). Broken, truncated, mistyped or
/// oversized JSON becomes a failed result naming what went wrong, never an exception.
/// </summary>
internal static class JsonAnswer
{
    private const int FirstBufferSize = 16 * 1024;

    /// <summary>Settles the answer by its status, or reads its body and maps it; the map receives the latest date it may believe.</summary>
    public static Task<CollectedActivity> CollectAsync<T>(
        SourceResponse response, SourceKind source, JsonParse<T> parse, CollectorOptions limits, TimeProvider time,
        Func<T, DateTimeOffset, CollectedActivity> map, CancellationToken cancellation)
        where T : class =>
        response.Settle(source, time.GetUtcNow()) is { } settled
            ? Task.FromResult(settled)
            : ReadBodyAsync(response, source, parse, limits, time, map, cancellation);

    /// <summary>Reads the body whatever the status (for APIs that explain errors in the body, as Bluesky does with 400).</summary>
    public static Task<CollectedActivity> ReadBodyAsync<T>(
        SourceResponse response, SourceKind source, JsonParse<T> parse, CollectorOptions limits, TimeProvider time,
        Func<T, DateTimeOffset, CollectedActivity> map, CancellationToken cancellation)
        where T : class =>
        ReadBudget.RunAsync(source, limits.MaxReadTime, time, async budget =>
        {
            var now = time.GetUtcNow();
            var capped = new CappedStream(response.Body, limits.MaxJsonBytes, budget);
            var (buffer, length) = await ReadAllAsync(capped, budget);
            try
            {
                var result = capped.CapReached
                    ? CollectedActivity.Failed(source, CollectionErrorKind.TooLarge, $"The answer is larger than {limits.MaxJsonBytes} bytes.")
                    : Parse(buffer.AsSpan(0, length), source, parse) is { } value
                        ? map(value, now + limits.FutureDateTolerance)
                        : CollectedActivity.Failed(source, CollectionErrorKind.InvalidDocument, "The answer is JSON null.");
                return response.Stamp(result, now);
            }
            catch (JsonException e)
            {
                return response.Stamp(CollectedActivity.Failed(source, CollectionErrorKind.InvalidDocument, $"Invalid JSON: {e.Message}"), now);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, cancellation);

    /// <summary>A source-generated contract as a parse: for small answers, where a hand-written reader would gain nothing.</summary>
    public static JsonParse<T> Contract<T>(JsonTypeInfo<T> contract)
        where T : class =>
        (ref Utf8JsonReader reader) => JsonSerializer.Deserialize(ref reader, contract);

    private static T? Parse<T>(ReadOnlySpan<byte> json, SourceKind source, JsonParse<T> parse)
        where T : class
    {
        // A UTF-8 byte order mark is allowed before JSON text (RFC 8259 8.1 says ignore it); the reader itself refuses it.
        var reader = new Utf8JsonReader(json.StartsWith("\uFEFF"u8) ? json[3..] : json);
        var value = parse(ref reader);
        // One value and nothing after it: Read throws on trailing text, and returns true only for a value the parse left unread.
        return reader.Read() ? throw new JsonException($"The {source} answer has more than one JSON value.") : value;
    }

    /// <summary>The whole (capped) body in a buffer from the shared pool; the caller returns it.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadAllAsync(CappedStream body, CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellation)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
