using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SocialWatch.Collectors;

/// <summary>
/// Reads a JSON API answer with a source-generated contract (unknown fields skipped, nulls allowed), at most
/// <see cref="CollectorOptions.MaxJsonBytes"/> and within <see cref="CollectorOptions.MaxReadTime"/>. Broken, truncated, mistyped or
/// oversized JSON becomes a failed result naming what went wrong, never an exception.
/// </summary>
internal static class JsonAnswer
{
    /// <summary>Settles the answer by its status, or reads its body and maps it; the map receives the latest date it may believe.</summary>
    public static Task<CollectedActivity> CollectAsync<T>(
        SourceResponse response, SourceKind source, JsonTypeInfo<T> contract, CollectorOptions limits, TimeProvider time,
        Func<T, DateTimeOffset, CollectedActivity> map, CancellationToken cancellation)
        where T : class =>
        response.Settle(source, time.GetUtcNow()) is { } settled
            ? Task.FromResult(settled)
            : ReadBodyAsync(response, source, contract, limits, time, map, cancellation);

    /// <summary>Reads the body whatever the status (for APIs that explain errors in the body, as Bluesky does with 400).</summary>
    public static Task<CollectedActivity> ReadBodyAsync<T>(
        SourceResponse response, SourceKind source, JsonTypeInfo<T> contract, CollectorOptions limits, TimeProvider time,
        Func<T, DateTimeOffset, CollectedActivity> map, CancellationToken cancellation)
        where T : class =>
        ReadBudget.RunAsync(source, limits.MaxReadTime, time, async budget =>
        {
            var now = time.GetUtcNow();
            var capped = new CappedStream(response.Body, limits.MaxJsonBytes, budget);
            CollectedActivity result;
            try
            {
                var value = await JsonSerializer.DeserializeAsync(capped, contract, budget);
                result = value is null
                    ? CollectedActivity.Failed(source, CollectionErrorKind.InvalidDocument, "The answer is JSON null.")
                    : map(value, now + limits.FutureDateTolerance);
            }
            catch (JsonException) when (capped.CapReached)
            {
                result = CollectedActivity.Failed(source, CollectionErrorKind.TooLarge, $"The answer is larger than {limits.MaxJsonBytes} bytes.");
            }
            catch (JsonException e)
            {
                result = CollectedActivity.Failed(source, CollectionErrorKind.InvalidDocument, $"Invalid JSON: {e.Message}");
            }

            return response.Stamp(result, now);
        }, cancellation);
}
