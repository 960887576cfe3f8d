using System.Net.Http.Headers;

namespace SocialWatch.Collectors;

/// <summary>
/// The validators of a conditional GET: the caller stores them with the profile, sends them back as If-None-Match and
/// If-Modified-Since, and a 304 answer means "unchanged". Values are kept exactly as the server sent them (weak ETags included).
/// </summary>
public readonly record struct ValidatorSet(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;

    public static ValidatorSet From(SourceResponse response) =>
        new(NullIfBlank(response.Header("ETag")), NullIfBlank(response.Header("Last-Modified")));

    /// <summary>The stored set refreshed by an answer's set: a 304 may omit validators, and then the stored ones still hold.</summary>
    public ValidatorSet UpdatedWith(ValidatorSet answer) => new(answer.ETag ?? ETag, answer.LastModified ?? LastModified);

    public void ApplyTo(HttpRequestHeaders headers)
    {
        if (ETag is not null)
        {
            headers.TryAddWithoutValidation("If-None-Match", ETag);
        }

        if (LastModified is not null)
        {
            headers.TryAddWithoutValidation("If-Modified-Since", LastModified);
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
