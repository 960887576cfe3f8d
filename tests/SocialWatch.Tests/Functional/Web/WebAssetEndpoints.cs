using System.IO.Compression;
using System.Net;
using SocialWatch.Functions.Web;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Web;

/// <summary>The widget script and the dashboard's files as the app serves them: types, compression, revalidation, headers.</summary>
public sealed class WebAssetEndpoints(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>The bound on the dashboard's page weight, compressed.</summary>
    private const int MaxDashboardWeightBytes = 200 * 1024;

    private static readonly string[] DashboardFiles = ["/api/dashboard", "/api/dashboard/app.js", "/api/dashboard/app.css"];

    [Theory]
    [InlineData("/api/widget.js", "text/javascript")]
    [InlineData("/api/dashboard", "text/html")]
    [InlineData("/api/dashboard/app.js", "text/javascript")]
    [InlineData("/api/dashboard/app.css", "text/css")]
    public async Task ServesEachFileCompressedAsTheBrowserAsksWithoutAKey(string path, string mediaType)
    {
        using var plain = await GetAsync(path);
        using var brotli = await GetAsync(path, "gzip, deflate, br");
        using var gzip = await GetAsync(path, "gzip");

        var text = await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(mediaType, plain.Content.Headers.ContentType?.MediaType);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(text, Decode(await brotli.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(text, Decode(await gzip.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.Equal(["nosniff"], plain.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task AnswersARevalidationWith304()
    {
        using var first = await GetAsync("/api/widget.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/widget.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
    }

    [Fact]
    public async Task ServesTheDashboardPageWithAPolicyThatAllowsOnlyItsOwnFiles()
    {
        using var page = await GetAsync("/api/dashboard");

        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal(["no-referrer"], page.Headers.GetValues("Referrer-Policy"));
        Assert.True(page.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task KeepsTheDashboardUnderTheWeightBoundCompressed()
    {
        long weight = 0;
        foreach (var path in DashboardFiles)
        {
            using var response = await GetAsync(path, "br");
            weight += (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
        }

        Assert.InRange(weight, 1, MaxDashboardWeightBytes);
    }

    [Fact]
    public async Task AnswersAFileItDoesNotHaveWith404()
    {
        using var missing = await GetAsync("/api/dashboard/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void EmbedsEveryFileOfTheAssetsFolder()
    {
        var folder = RepositoryRoot.Combine("functions", "Web", "assets");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'));

        Assert.Equal(files.Order(StringComparer.Ordinal), new WebAssets().Paths.Order(StringComparer.Ordinal));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Decode(byte[] bytes, Func<Stream, Stream> decompressor)
    {
        using var input = decompressor(new MemoryStream(bytes));
        using var reader = new StreamReader(input);
        return reader.ReadToEnd();
    }
}
