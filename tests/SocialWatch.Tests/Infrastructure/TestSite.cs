using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// A business's own site, as a browser sees it: a loopback server at a port of its own (so another origin than the app's)
/// serving one HTML page at /.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private LoopbackSite site = null!;

    private TestSite()
    {
    }

    /// <summary>The origin as browsers send it (http://127.0.0.1:port), without a trailing slash.</summary>
    public Uri Origin => site.BaseAddress;

    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    /// <summary>The page at /: set once the origin is known (a business must list it before the page calls the API).</summary>
    public string Html { get; set; } = "<!doctype html><title>empty</title>";

    public static async Task<TestSite> StartAsync()
    {
        var page = new TestSite();
        page.site = await LoopbackSite.StartAsync(app => app.MapGet("/", () => Results.Content(page.Html, "text/html; charset=utf-8")));
        return page;
    }

    public ValueTask DisposeAsync() => site.DisposeAsync();
}
