using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SocialWatch.Validation;

namespace SocialWatch.Functions.Api;

/// <summary>
/// Reads a request body as JSON, strictly: application/json only, a size cap checked before parsing, no comments or trailing
/// commas, no duplicate or unknown properties, no numbers in strings. Every refusal names the JSON path at fault and says
/// what was expected there; nothing is half-read into a value.
/// </summary>
public static class JsonRequest
{
    public const string MediaType = "application/json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = JsonSyntax.MaxDepth,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        var (body, problem) = await ReadBytesAsync(request, maxBytes, cancellationToken);
        return problem is null ? Parse<T>(body!) : (null, problem);
    }

    /// <summary>The body when it is JSON, within the cap, not empty and well formed (no duplicate properties); else the problem.</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.", HeaderNames.ContentType, $"must be {MediaType} (UTF-8)"));
        }

        var (body, tooLarge) = await ReadCappedAsync(request, maxBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        if (body!.Length == 0)
        {
            return (null, Problems.Invalid(ValidationErrors.Single(ValidationErrors.Body, "a JSON object is required")));
        }

        if (JsonSyntax.FindFault(body) is { } fault)
        {
            return (null, Problems.Invalid(ValidationErrors.Single(fault.Path, fault.Message)));
        }

        return (body, null);
    }

    /// <summary>Binds a well-formed body strictly to <typeparamref name="T"/>; a refusal names the path at fault.</summary>
    public static (T? Value, ProblemHttpResult? Problem) Parse<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options) is { } value
                ? (value, null)
                : (null, Problems.Invalid(ValidationErrors.Single(ValidationErrors.Body, "must be a JSON object")));
        }
        catch (JsonException e)
        {
            var path = JsonSyntax.ErrorKey(e.Path);
            return (null, Problems.Invalid(ValidationErrors.Single(path, JsonShapes.Expectation(Options, typeof(T), e.Path))));
        }
    }

    /// <summary>
    /// The body of any media type, or a 413 problem: at once when Content-Length passes the cap, else as soon as the bytes
    /// read do (a chunked body has no length to check first), so a huge upload is never read to its end.
    /// </summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? TooLarge)> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = Problems.Of(StatusCodes.Status413PayloadTooLarge, "The body is too large.", ValidationErrors.Body, $"must be at most {maxBytes} bytes");
        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        var body = await ReadCappedAsync(request.Body, maxBytes, cancellationToken);
        return body is null ? (null, tooLarge) : (body, null);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Encoding?.CodePage == Encoding.UTF8.CodePage);

    /// <summary>The body, or null as soon as it passes the cap (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 16 * 1024));
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
