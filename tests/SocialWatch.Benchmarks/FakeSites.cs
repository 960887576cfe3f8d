using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>
/// Profile pages on loopback hosts 127.0.0.2 to 127.0.0.(hosts+1), one port, every answer after an added latency. Profile n
/// answers by n mod 100: 0-3 missing (404), 4-5 LinkedIn's 999, 6-7 a bot challenge (403 cf-mitigated), 8 rate-limited
/// (429, Retry-After one hour), 9 a server error (503), the rest alive (200). /links.html lists every profile (for linkinator).
/// </summary>
internal sealed class FakeSites : IAsyncDisposable
{
    private readonly int profiles;
    private LoopbackSite site = null!;

    private FakeSites(int port, int hosts, int profiles)
    {
        Port = port;
        Hosts = hosts;
        this.profiles = profiles;
    }

    public int Port { get; }

    public int Hosts { get; }

    public Uri Canary => new($"http://127.0.0.2:{Port}/canary");

    public Uri LinksPage => new($"http://127.0.0.2:{Port}/links.html");

    public static async Task<FakeSites> StartAsync(int hosts, int profiles, TimeSpan latency)
    {
        var port = FreePort.Next();
        var sites = new FakeSites(port, hosts, profiles);
        sites.site = await LoopbackSite.StartAsync(
            app => app.Run(context => sites.AnswerAsync(context, latency)),
            [.. Enumerable.Range(0, hosts).Select(host => new IPEndPoint(IPAddress.Parse($"127.0.0.{2 + host}"), port))]);
        return sites;
    }

    public Uri ProfileUrl(int n) => new($"http://127.0.0.{2 + (n % Hosts)}:{Port}/p/{n}");

    /// <summary>What a correct checker should conclude about profile n, and why.</summary>
    public static string Expected(int n) => (n % 100) switch
    {
        < 4 => "dead",
        < 6 => "blocked (LinkedIn's 999: a live profile refusing bots)",
        < 8 => "blocked (bot challenge)",
        8 => "rate-limited (come back in an hour)",
        9 => "transient (server error)",
        _ => "alive",
    };

    public ValueTask DisposeAsync() => site.DisposeAsync();

    private async Task AnswerAsync(HttpContext context, TimeSpan latency)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/links.html")
        {
            var page = new StringBuilder("<!DOCTYPE html><html><head><title>links</title></head><body>");
            for (var i = 0; i < profiles; i++)
            {
                page.Append(CultureInfo.InvariantCulture, $"<a href=\"{ProfileUrl(i)}\">{i}</a>\n");
            }

            await WriteAsync(context, 200, page.Append("</body></html>").ToString());
            return;
        }

        await Task.Delay(latency, context.RequestAborted);
        if (path == "/canary" || !path.StartsWith("/p/", StringComparison.Ordinal) || !int.TryParse(path[3..], CultureInfo.InvariantCulture, out var n))
        {
            await WriteAsync(context, path == "/canary" ? 200 : 404, "<html><body>page</body></html>");
            return;
        }

        switch (n % 100)
        {
            case < 4:
                await WriteAsync(context, 404, "<html><body>Not found</body></html>");
                break;
            case < 6:
                await WriteAsync(context, 999, string.Empty);
                break;
            case < 8:
                context.Response.Headers["cf-mitigated"] = "challenge";
                await WriteAsync(context, 403, "<html><head><title>Just a moment...</title></head></html>");
                break;
            case 8:
                context.Response.Headers.RetryAfter = "3600";
                await WriteAsync(context, 429, "<html><body>Too Many Requests</body></html>");
                break;
            case 9:
                await WriteAsync(context, 503, "<html><body>Service Unavailable</body></html>");
                break;
            default:
                await WriteAsync(context, 200, $"<html><head><title>Profile {n}</title></head><body>posts</body></html>");
                break;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }
}
