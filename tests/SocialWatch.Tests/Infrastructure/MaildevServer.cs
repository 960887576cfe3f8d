using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>A real maildev (from the repository's node_modules): SMTP on one free loopback port, its REST API on another.</summary>
public sealed class MaildevServer : IAsyncDisposable
{
    private readonly ChildProcess process;
    private readonly HttpClient api;

    private MaildevServer(ChildProcess process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    /// <summary>Starts maildev; with <paramref name="smtpPort"/> given, on that port (to bring an "outage" back up).</summary>
    public static async Task<MaildevServer> StartAsync(int? smtpPort = null)
    {
        var maildev = RepositoryRoot.Combine("node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(maildev))
        {
            throw new InvalidOperationException($"maildev is not installed at {maildev}: run 'npm ci' in the repository root (scripts/test does).");
        }

        var smtp = smtpPort ?? FreePort.Next();
        var web = FreePort.Next();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                maildev, "--silent", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
                "--smtp", smtp.ToString(CultureInfo.InvariantCulture), "--web", web.ToString(CultureInfo.InvariantCulture),
            },
        };
        var process = ChildProcess.Start(start);
        await FreePort.WaitUntilListeningAsync(smtp, TimeSpan.FromSeconds(30));
        await FreePort.WaitUntilListeningAsync(web, TimeSpan.FromSeconds(30));
        return new MaildevServer(process, smtp, web);
    }

    public async Task<IReadOnlyList<ReceivedEmail>> EmailsAsync() =>
        await api.GetFromJsonAsync<ReceivedEmail[]>("api/email") ?? [];

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        await process.DisposeAsync();
    }

    public sealed record ReceivedEmail(
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("messageId")] string? MessageId,
        [property: JsonPropertyName("to")] Address[] To);

    public sealed record Address([property: JsonPropertyName("address")] string Email);
}
