using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Unit.Collectors;

namespace SocialWatch.Tests.Integration.Collectors;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing every open source at once, from the fixture files in each source's documented format:
/// feeds (<c>/feeds/{fixture}</c>, with an ETag and Last-Modified, 304 to a matching conditional GET), a feed generated around the
/// real date (<c>/generated.rss</c>), a Mastodon instance (<c>/api/v1/…</c>; account "busy" declares its rate limit spent) and a
/// Bluesky AppView (<c>/xrpc/…</c>; actor "taken-down.test" is taken down, "busy.test" declares the AppView's rate limit spent). It records every request it receives.
/// </summary>
public sealed class SourceServer : IAsyncDisposable
{
    public const string LastModified = "Mon, 16 Nov 2026 09:00:00 GMT";

    private readonly ConcurrentQueue<SeenRequest> requests = new();
    private LoopbackSite site = null!;

    private SourceServer(Func<DateTimeOffset> clock) => Clock = clock;

    public Uri BaseAddress => site.BaseAddress;

    /// <summary>The time the server believes it is: rate-limit resets are declared from it.</summary>
    public Func<DateTimeOffset> Clock { get; }

    /// <summary>Posts of the generated feed, newest first, each with its publication time.</summary>
    public IReadOnlyList<DateTimeOffset> GeneratedPosts { get; set; } = [];

    public IReadOnlyList<SeenRequest> Requests => [.. requests];

    public static async Task<SourceServer> StartAsync(Func<DateTimeOffset> clock)
    {
        var server = new SourceServer(clock);
        server.site = await LoopbackSite.StartAsync(server.Map);
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>The Mastodon profile address of an account on this instance.</summary>
    public string MastodonProfile(string username) => $"{BaseAddress}@{username}";

    public IReadOnlyList<SeenRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    public ValueTask DisposeAsync() => site.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            requests.Enqueue(new SeenRequest(
                context.Request.Path.Value!,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await next(context);
        });

        app.MapGet("/feeds/{fixture}", async (HttpContext context, string fixture) =>
        {
            var etag = $"\"v1-{fixture}\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = LastModified;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.SendFileAsync(CollectorFixtures.PathOf(fixture), context.RequestAborted);
        });

        app.MapGet("/generated.rss", context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            return context.Response.WriteAsync(GeneratedFeed(GeneratedPosts), context.RequestAborted);
        });

        app.MapGet("/api/v1/accounts/lookup", context => context.Request.Query["acct"].ToString() switch
        {
            "moved" => Fixture(context, "mastodon-account-moved.json"),
            "busy" => Fixture(context, "mastodon-account.json", ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset", Clock().AddMinutes(10).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))),
            "alice" => Fixture(context, "mastodon-account.json"),
            _ => NotFound(context, """{"error":"Record not found"}"""),
        });
        app.MapGet("/api/v1/accounts/{id}", (HttpContext context, string id) => Fixture(context, "mastodon-account.json"));
        app.MapGet("/api/v1/accounts/{id}/statuses", (HttpContext context, string id) =>
        {
            if (context.Request.Query.ContainsKey("max_id"))
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("[]", context.RequestAborted);
            }

            return Fixture(context, "mastodon-statuses.json", ("Link", $"<{BaseAddress}api/v1/accounts/{id}/statuses?max_id=1>; rel=\"next\""));
        });

        app.MapGet("/xrpc/app.bsky.actor.getProfile", context => context.Request.Query["actor"].ToString() switch
        {
            "taken-down.test" => Fixture(context, "bluesky-error-takedown.json", status: StatusCodes.Status400BadRequest),
            "busy.test" => Fixture(context, "bluesky-profile.json", ("RateLimit-Limit", "3000"), ("RateLimit-Remaining", "0"),
                ("RateLimit-Reset", Clock().AddMinutes(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))),
            _ => Fixture(context, "bluesky-profile.json"),
        });
        app.MapGet("/xrpc/app.bsky.feed.getAuthorFeed", context => Fixture(context, "bluesky-author-feed.json"));
    }

    private static Task Fixture(HttpContext context, string fixture, params (string Name, string Value)[] headers) =>
        Fixture(context, fixture, StatusCodes.Status200OK, headers);

    private static async Task Fixture(HttpContext context, string fixture, int status, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.SendFileAsync(CollectorFixtures.PathOf(fixture), context.RequestAborted);
    }

    private static Task NotFound(HttpContext context, string body)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static string GeneratedFeed(IReadOnlyList<DateTimeOffset> posts)
    {
        var feed = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Generated</title>""");
        for (var i = 0; i < posts.Count; i++)
        {
            feed.Append(CultureInfo.InvariantCulture, $"<item><title>Post {i}</title><guid>https://blog.example/p/{i}</guid><pubDate>{posts[i]:R}</pubDate></item>");
        }

        return feed.Append("</channel></rss>").ToString();
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record SeenRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
