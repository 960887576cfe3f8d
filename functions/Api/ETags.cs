using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SocialWatch.Storage;

namespace SocialWatch.Functions.Api;

/// <summary>
/// HTTP entity-tags for stored versions. The table ETag (<c>W/"datetime'…'"</c>) is wrapped as a strong, opaque tag
/// (base64url of it, quoted): it changes exactly when the stored record does, and clients need not know its format.
/// </summary>
public static class ETags
{
    public static string Format(string version) => $"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(version))}\"";

    /// <summary>
    /// Reads If-Match: absent (no condition), <c>*</c> (must exist), or one strong entity-tag. A tag we never issued is well
    /// formed but matches nothing (412); a malformed header, a weak tag or a list of several is a 400 naming the header.
    /// </summary>
    public static bool TryParseIfMatch(StringValues header, out VersionCondition condition, out string? error)
    {
        condition = VersionCondition.None;
        error = null;
        if (StringValues.IsNullOrEmpty(header) || header.All(string.IsNullOrWhiteSpace))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count != 1)
        {
            error = "must be * or exactly one entity-tag, quoted, as the ETag header gave it";
            return false;
        }

        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            condition = VersionCondition.Exists;
            return true;
        }

        if (tag.IsWeak)
        {
            error = "must be a strong entity-tag, as the ETag header gave it (without W/)";
            return false;
        }

        var opaque = tag.Tag.AsSpan(1, tag.Tag.Length - 2);
        condition = VersionCondition.Matches(Base64Url.IsValid(opaque) && Decode(opaque) is { } version ? version : tag.Tag.ToString());
        return true;
    }

    /// <summary>
    /// True when If-None-Match names <paramref name="version"/>'s entity-tag or is <c>*</c>: the client's copy is current
    /// (a GET answers 304). Compared weakly, as RFC 9110 says for If-None-Match; a malformed header matches nothing.
    /// </summary>
    public static bool IfNoneMatchHits(StringValues header, string version)
    {
        if (StringValues.IsNullOrEmpty(header) || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(Format(version));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private static string? Decode(ReadOnlySpan<char> opaque)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(opaque));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
