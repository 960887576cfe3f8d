using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Integration.Checks;

/// <summary>
/// Fake sites on loopback: one Kestrel server listening on 127.0.0.2 to 127.0.0.17 (one port), each address playing a
/// network with its live, missing and walled answers as DESIGN.md section 4 describes them, plus a "flaky" host for slow
/// answers, 429s, bursts of 5xx, dropped connections and redirect chains. Checks reach them by their real host names
/// through <c>SocialWatch:Checks:ResolveOverrides</c>. Every request is recorded.
/// </summary>
public sealed class FakeNetworks : IAsyncLifetime
{
    public const string Shell = "<!DOCTYPE html><html><head><title>X</title></head><body><div id=\"react-root\"></div><script src=\"/main.js\"></script></body></html>";

    private static readonly Dictionary<string, int> Octets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["www.facebook.com"] = 2, ["facebook.com"] = 2,
        ["www.instagram.com"] = 3,
        ["x.com"] = 4, ["twitter.com"] = 4,
        ["www.linkedin.com"] = 5,
        ["www.pinterest.com"] = 6,
        ["www.youtube.com"] = 7,
        ["mastodon.social"] = 8, ["social.example-instance.test"] = 8,
        ["public.api.bsky.app"] = 9,
        ["www.tiktok.com"] = 10,
        ["www.threads.net"] = 11,
        ["www.reddit.com"] = 12,
        ["medium.com"] = 13,
        ["acme.substack.com"] = 14, ["ghost.substack.com"] = 14,
        ["flaky.test"] = 15,
        ["acme-bakery.test"] = 16, ["www.acme-bakery.test"] = 16,
        ["canary.test"] = 17,
    };

    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, int> counters = new();
    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private readonly ConcurrentDictionary<string, int> maxInFlight = new();
    private LoopbackSite? site;

    public int Port { get; private set; }

    public IReadOnlyCollection<RecordedRequest> Requests => requests.ToArray();

    public static IPAddress AddressOf(string host) => IPAddress.Parse($"127.0.0.{Octets[host]}");

    /// <summary>http://{host}:{port}{pathAndQuery}</summary>
    public Uri Url(string host, string pathAndQuery) => new($"http://{host}:{Port}{pathAndQuery}");

    /// <summary>Settings for a checker that reaches the fakes: loopback allowed, every fake host pinned, no politeness delay, fast retries.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SocialWatch:Checks:AllowLoopback"] = "true",
            ["SocialWatch:Checks:MinimumInterval"] = "00:00:00",
            ["SocialWatch:Checks:RetryBaseDelay"] = "00:00:00.020",
            ["SocialWatch:Checks:AttemptTimeout"] = "00:00:03",
            ["SocialWatch:Checks:TotalTimeout"] = "00:00:10",
            ["SocialWatch:Checks:MaxRetryAfterWait"] = "00:00:02",
            ["SocialWatch:Checks:ApiOrigins:bluesky"] = $"http://public.api.bsky.app:{Port}",
        };
        foreach (var (host, octet) in Octets)
        {
            settings[$"SocialWatch:Checks:ResolveOverrides:{host}"] = $"127.0.0.{octet}";
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public int CountRequests(string host, string pathPrefix) =>
        Requests.Count(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase) && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    public int MaxInFlight(string id) => maxInFlight.GetValueOrDefault(id);

    public async ValueTask InitializeAsync()
    {
        Port = FreePort.Next();
        site = await LoopbackSite.StartAsync(app => app.Run(HandleAsync), [.. Octets.Values.Distinct().Select(octet => new IPEndPoint(IPAddress.Parse($"127.0.0.{octet}"), Port))]);
    }

    public async ValueTask DisposeAsync()
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        requests.Enqueue(new RecordedRequest(
            context.Connection.LocalIpAddress!, request.Host.Host, request.Path + request.QueryString,
            request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow));
        var path = request.Path.Value ?? "/";
        return context.Connection.LocalIpAddress!.GetAddressBytes()[3] switch
        {
            2 => Facebook(context, path),
            3 => Instagram(context, path),
            4 => Html(context, 200, Shell),
            5 => LinkedIn(context, path),
            6 => Pinterest(context, path),
            7 => YouTube(context, path),
            8 => Mastodon(context),
            9 => Bluesky(context),
            10 => TikTok(context, path),
            11 => Threads(context, path),
            12 => Reddit(context, path),
            13 => path == "/@acme" ? Html(context, 200, Page("Acme on Medium")) : Html(context, 404, Page("Not found")),
            14 => request.Host.Host.StartsWith("acme.", StringComparison.Ordinal) ? Html(context, 200, Page("Acme's newsletter")) : Html(context, 404, Page("Not found")),
            15 => Flaky(context, path),
            16 => Bakery(context, path),
            17 => Html(context, 200, Page("canary")),
            _ => Html(context, 500, "unknown fake"),
        };
    }

    private static Task Facebook(HttpContext context, string path) => path switch
    {
        "/acme" => Html(context, 200, Page("Acme Bakery | Facebook")),
        "/ghost" => Html(context, 200, Page("Facebook") + "<h2>This page isn\u2019t available</h2><p>The link you followed may be broken, or the page may have been removed.</p>"),
        "/walled" => Redirect(context, 302, "/login/?next=%2Fwalled"),
        _ => Html(context, 200, Page("Log in to Facebook")),
    };

    private static Task Instagram(HttpContext context, string path) => path switch
    {
        "/acme/" => Html(context, 200, Page("Acme Bakery (@acme) \u2022 Instagram photos and videos")),
        "/ghost/" => Html(context, 200, Page("Instagram") + "<h2>Sorry, this page isn't available.</h2>"),
        "/walled/" => Redirect(context, 302, "/accounts/login/?next=%2Fwalled%2F"),
        _ => Html(context, 200, Page("Login \u2022 Instagram")),
    };

    private static Task LinkedIn(HttpContext context, string path) => path switch
    {
        "/in/walled" => Redirect(context, 302, "/authwall?trk=public_profile"),
        "/company/challenged" => Challenge(context),
        _ => Html(context, 999, string.Empty),
    };

    private static Task Pinterest(HttpContext context, string path) => path switch
    {
        "/acme/" => Html(context, 200, Page("Acme Bakery (acme) - Profile | Pinterest")),
        "/ghost/" => Redirect(context, 302, "/?show_error=true"),
        _ => Html(context, 200, Page("Pinterest")),
    };

    private static Task YouTube(HttpContext context, string path) => path switch
    {
        "/@acme" => Html(context, 200, Page("Acme Bakery - YouTube")),
        "/c/AcmeOldName" => Redirect(context, 301, "/@acme"),
        "/@walled" => Redirect(context, 302, $"http://consent.youtube.com:{context.Connection.LocalPort}/m?continue=%2F%40walled"),
        _ => Html(context, 404, Page("404 Not Found")),
    };

    private static Task TikTok(HttpContext context, string path) => path switch
    {
        "/@acme" => Html(context, 200, Page("Acme Bakery (@acme) | TikTok")),
        _ => Html(context, 200, Page("TikTok") + "<p>Couldn\u2019t find this account</p>"),
    };

    private static Task Threads(HttpContext context, string path) => path switch
    {
        "/@acme" => Html(context, 200, Page("Acme Bakery (@acme) \u2022 Threads")),
        "/" => Html(context, 200, Page("Threads")),
        _ => Redirect(context, 302, "/"),
    };

    private static Task Reddit(HttpContext context, string path) => path switch
    {
        "/user/acme/about.json" => Json(context, 200, """{"kind":"t2","data":{"name":"acme","is_suspended":false,"total_karma":12}}"""),
        "/user/banned/about.json" => Json(context, 200, """{"kind":"t2","data":{"name":"banned","is_suspended":true}}"""),
        _ => Json(context, 404, """{"message":"Not Found","error":404}"""),
    };

    private static Task Mastodon(HttpContext context)
    {
        if (context.Request.Path != "/api/v1/accounts/lookup")
        {
            return Html(context, 200, Page("Mastodon"));
        }

        return context.Request.Query["acct"].ToString() switch
        {
            "acme" => Json(context, 200, """{"id":"1","username":"acme","acct":"acme","followers_count":40,"statuses_count":12,"last_status_at":"2026-11-01"}"""),
            "gone" => Json(context, 200, """{"id":"2","username":"gone","acct":"gone","suspended":true}"""),
            "moved" => Json(context, 200, """{"id":"3","username":"moved","acct":"moved","moved":{"id":"9","username":"acme","url":"https://mastodon.online/@acme"}}"""),
            _ => Json(context, 404, """{"error":"Record not found"}"""),
        };
    }

    private static Task Bluesky(HttpContext context) => context.Request.Query["actor"].ToString() switch
    {
        "acme.bsky.social" => Json(context, 200, """{"did":"did:plc:acme","handle":"acme.bsky.social","followersCount":10,"postsCount":5}"""),
        "takedown.bsky.social" => Json(context, 400, """{"error":"AccountTakedown","message":"Account has been suspended"}"""),
        "deactivated.bsky.social" => Json(context, 400, """{"error":"AccountDeactivated","message":"Account is deactivated"}"""),
        _ => Json(context, 400, """{"error":"InvalidRequest","message":"Profile not found"}"""),
    };

    /// <summary>Behaviours keyed by query: ?id= keeps one test's counters apart from another's.</summary>
    private async Task Flaky(HttpContext context, string path)
    {
        var query = context.Request.Query;
        var id = query["id"].ToString();
        var times = int.TryParse(query["times"], CultureInfo.InvariantCulture, out var t) ? t : int.MaxValue;
        var failing = counters.AddOrUpdate(path + id, 1, (_, n) => n + 1) <= times;
        switch (path)
        {
            case "/slow":
                await Task.Delay(int.Parse(query["ms"]!, CultureInfo.InvariantCulture), context.RequestAborted);
                await Html(context, 200, Page("slow but fine"));
                break;
            case "/retry-after" when failing:
                context.Response.Headers.RetryAfter = query["seconds"].ToString();
                await Html(context, 429, Page("Too Many Requests"));
                break;
            case "/status" when failing:
                await Html(context, int.Parse(query["code"]!, CultureInfo.InvariantCulture), Page("failing"));
                break;
            case "/drop" when failing:
                context.Abort();
                break;
            case "/redirects":
                var n = int.Parse(query["n"]!, CultureInfo.InvariantCulture);
                await (n > 0 ? Redirect(context, 302, $"/redirects?n={n - 1}") : Html(context, 200, Page("end of the chain")));
                break;
            case "/redirect":
                await Redirect(context, 302, query["to"]!);
                break;
            case "/big":
                var filler = new string('a', int.Parse(query["bytes"]!, CultureInfo.InvariantCulture));
                await Html(context, 403, Page("big") + filler + "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate\"></script>");
                break;
            case "/in-flight":
                var now = inFlight.AddOrUpdate(id, 1, (_, c) => c + 1);
                maxInFlight.AddOrUpdate(id, now, (_, m) => Math.Max(m, now));
                await Task.Delay(int.Parse(query["ms"]!, CultureInfo.InvariantCulture), context.RequestAborted);
                inFlight.AddOrUpdate(id, 0, (_, c) => c - 1);
                await Html(context, 200, Page("done"));
                break;
            default:
                await Html(context, 200, Page("fine"));
                break;
        }
    }

    /// <summary>A small business's website linking to its profiles (a live one, missing ones, a share button) over three pages and a deep chain.</summary>
    private Task Bakery(HttpContext context, string path) => path switch
    {
        "/" => Html(context, 200, Page("Acme Bakery") + $$"""
            <link rel="me" href="http://mastodon.social:{{Port}}/@acme">
            <link rel="stylesheet" href="/site.css">
            <a href="http://www.facebook.com:{{Port}}/acme?utm_source=website&amp;fbclid=abc">Facebook</a>
            <a href="HTTP://WWW.INSTAGRAM.COM:{{Port}}/ghost/#top">Instagram</a>
            <a href="http://twitter.com:{{Port}}/intent/tweet?text=Bread">Share on X</a>
            <a href="/about">About us</a>
            <a href="/menu.pdf">Menu</a>
            <a href="http://other-business.test:{{Port}}/">A friend</a>
            <a href="mailto:hello@acme-bakery.test">Mail</a>
            """),
        "/about" => Html(context, 200, Page("About") + $$"""
            <a href="http://m.facebook.com:{{Port}}/acme/">Facebook again</a>
            <a href="http://www.youtube.com:{{Port}}/@ghost">Our videos</a>
            <a href="/contact#form">Contact</a>
            <a href="/">Home</a>
            """),
        "/contact" => Html(context, 200, Page("Contact") + $$"""<a href="http://bsky.app:{{Port}}/profile/acme.bsky.social">Bluesky</a> <a href="/deep/1">more</a>"""),
        _ when path.StartsWith("/deep/", StringComparison.Ordinal) => Html(context, 200, Page("Deep") + $"""<a href="/deep/{int.Parse(path[6..], CultureInfo.InvariantCulture) + 1}">deeper</a>"""),
        _ => Html(context, 404, Page("Not found")),
    };

    private static Task Challenge(HttpContext context)
    {
        context.Response.Headers["cf-mitigated"] = "challenge";
        return Html(context, 403, Page("Just a moment..."));
    }

    private static string Page(string title) => $"<!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1>";

    private static Task Html(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }

    private static Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }

    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}

public sealed record RecordedRequest(IPAddress LocalAddress, string Host, string PathAndQuery, string UserAgent, DateTimeOffset At);
