using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Tests.Infrastructure;
using SocialWatch.Tests.Unit.Collectors;

namespace SocialWatch.Tests.Integration.Collectors;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a port the OS picks) serving hostile feeds generated on the fly: one of 200 MB, one that
/// never ends, one that trickles, and one whose external entity points back at this server. It counts what it sent.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    public const long HugeFeedBytes = 200L * 1024 * 1024;

    private static readonly byte[] Head = Encoding.UTF8.GetBytes(GeneratedFeed.Head);
    private static readonly byte[] Tail = Encoding.UTF8.GetBytes(GeneratedFeed.Tail);
    private static readonly byte[] ItemBytes = Encoding.UTF8.GetBytes(GeneratedFeed.Item(1));

    private LoopbackSite site = null!;
    private long bytesSent;
    private int secretRequests;
    private TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FeedServer()
    {
    }

    public Uri BaseAddress => site.BaseAddress;

    public long BytesSent => Interlocked.Read(ref bytesSent);

    public int SecretRequests => Volatile.Read(ref secretRequests);

    /// <summary>Completes when the last streaming answer's handler has ended (the client went away or the answer was complete).</summary>
    public Task Finished => finished.Task;

    public static async Task<FeedServer> StartAsync()
    {
        var server = new FeedServer();
        server.site = await LoopbackSite.StartAsync(server.Map);
        return server;
    }

    public ValueTask DisposeAsync() => site.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/huge.rss", context => Stream(context, (HugeFeedBytes - Head.Length - Tail.Length) / ItemBytes.Length, TimeSpan.Zero));
        app.MapGet("/endless.rss", context => Stream(context, long.MaxValue, TimeSpan.Zero));
        app.MapGet("/trickle.rss", context => Stream(context, long.MaxValue, TimeSpan.FromMilliseconds(200)));
        app.MapGet("/cut.rss", async context =>
        {
            // Promises a whole feed, sends a tenth of it, then drops the connection.
            context.Response.ContentLength = Head.Length + (1000L * ItemBytes.Length) + Tail.Length;
            await context.Response.Body.WriteAsync(Head, context.RequestAborted);
            for (var i = 0; i < 100; i++)
            {
                await context.Response.Body.WriteAsync(ItemBytes, context.RequestAborted);
            }

            await context.Response.Body.FlushAsync(context.RequestAborted);

            // Let the client take the headers and the first items before the reset, as a connection dying mid-body would.
            await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
            context.Abort();
        });
        app.MapGet("/xxe.rss", context => context.Response.WriteAsync(
            $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY secret SYSTEM \"{BaseAddress}secret\">]><rss version=\"2.0\"><channel><title>&secret;</title></channel></rss>"));
        app.MapGet("/secret", context =>
        {
            Interlocked.Increment(ref secretRequests);
            return context.Response.WriteAsync("the secret");
        });
    }

    private async Task Stream(HttpContext context, long items, TimeSpan pause)
    {
        finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref bytesSent, 0);
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        if (items != long.MaxValue)
        {
            context.Response.ContentLength = Head.Length + (items * ItemBytes.Length) + Tail.Length;
        }

        var body = context.Response.Body;
        var aborted = context.RequestAborted;
        try
        {
            await Send(body, Head, aborted);
            for (long i = 0; i < items; i++)
            {
                await Send(body, ItemBytes, aborted);
                if (pause > TimeSpan.Zero)
                {
                    await body.FlushAsync(aborted);
                    await Task.Delay(pause, aborted);
                }
            }

            await Send(body, Tail, aborted);
        }
        catch (Exception e) when (aborted.IsCancellationRequested || e is IOException or OperationCanceledException)
        {
            // The client stopped reading and closed the connection: the point of these feeds. Nothing more to send.
            context.Abort();
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    private async Task Send(Stream body, byte[] bytes, CancellationToken aborted)
    {
        await body.WriteAsync(bytes, aborted);
        Interlocked.Add(ref bytesSent, bytes.Length);
    }
}
