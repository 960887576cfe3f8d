using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace SocialWatch.Functions.Web;

/// <summary>
/// The browser files the app serves (the widget script, the dashboard page and its assets), embedded in this assembly from
/// functions/Web/assets/ so that every runtime and the deployment package carry them, with nothing fetched from a CDN.
/// Each is compressed once at start (Brotli and gzip, kept only where smaller) and served by content negotiation, with a
/// strong ETag for revalidation.
/// </summary>
public sealed class WebAssets
{
    private const string ResourcePrefix = "web/";

    private const string PageSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly FrozenDictionary<string, WebAsset> assets;

    public WebAssets()
        : this(typeof(WebAssets).Assembly)
    {
    }

    internal WebAssets(Assembly assembly)
    {
        assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => WebAsset.Load(assembly, n), StringComparer.Ordinal);
    }

    /// <summary>Asset paths relative to functions/Web/assets/, with forward slashes.</summary>
    public IEnumerable<string> Paths => assets.Keys;

    public WebAsset? Find(string path) => assets.GetValueOrDefault(path);

    /// <summary>The asset at this path, or 404; <paramref name="cacheControl"/> says how long browsers may keep it.</summary>
    public IResult Serve(HttpContext context, string path, string cacheControl) =>
        Find(path) is { } asset ? asset.Serve(context, cacheControl) : TypedResults.NotFound();

    /// <summary>
    /// An HTML page of the app: revalidated on every visit, and allowed only its own scripts, styles and API calls, so that
    /// nothing injected into it could run or send a signed-in key elsewhere.
    /// </summary>
    public IResult ServePage(HttpContext context, string path)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PageSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return Serve(context, path, "no-cache");
    }
}

/// <summary>One served file: its bytes as built, compressed forms smaller than those, its type and ETag.</summary>
public sealed class WebAsset
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private WebAsset(string contentType, byte[] identity, byte[]? brotli, byte[]? gzip)
    {
        ContentType = contentType;
        Identity = identity;
        Brotli = brotli;
        Gzip = gzip;
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(identity)[..12])}\"";
    }

    public string ContentType { get; }

    public byte[] Identity { get; }

    public byte[]? Brotli { get; }

    public byte[]? Gzip { get; }

    public string ETag { get; }

    /// <summary>The fewest bytes a browser that accepts Brotli and gzip downloads.</summary>
    public int SmallestLength => Math.Min(Identity.Length, Math.Min(Brotli?.Length ?? int.MaxValue, Gzip?.Length ?? int.MaxValue));

    internal static WebAsset Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var identity = buffer.ToArray();
        var extension = Path.GetExtension(resourceName);
        var contentType = ContentTypes.TryGetValue(extension, out var type)
            ? type
            : throw new InvalidOperationException($"functions/Web/assets holds {resourceName}, of a type the app does not serve ({extension}).");
        return new WebAsset(contentType, identity, SmallerThan(identity, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)), SmallerThan(identity, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)));
    }

    internal IResult Serve(HttpContext context, string cacheControl)
    {
        var response = context.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = cacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (context.Request.Headers.IfNoneMatch.ToString().Split(',', StringSplitOptions.TrimEntries).Contains(ETag, StringComparer.Ordinal))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var (encoding, bytes) = Choose(context.Request.Headers.AcceptEncoding.ToString());
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(bytes, ContentType);
    }

    /// <summary>Brotli, then gzip, when the browser accepts them (q=0 refuses), else the bytes as built.</summary>
    private (string? Encoding, byte[] Bytes) Choose(string acceptEncoding)
    {
        var accepted = StringWithQualityHeaderValue.TryParseList(acceptEncoding.Split(','), out var values)
            ? values.Where(v => v.Quality is not 0).Select(v => v.Value.Value).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        if (Brotli is not null && accepted.Contains("br"))
        {
            return ("br", Brotli);
        }

        return Gzip is not null && accepted.Contains("gzip") ? ("gzip", Gzip) : (null, Identity);
    }

    private static byte[]? SmallerThan(byte[] identity, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(identity);
        }

        return output.Length < identity.Length ? output.ToArray() : null;
    }
}
