using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Packaging;

/// <summary>
/// The README's first command as a newcomer runs it: scripts/start builds the app, starts Azurite, maildev and the app with
/// its generated local secrets, prints the URLs, and stops everything on SIGTERM. Its state goes to a folder of its own,
/// given relative to the repository root as the default .data is.
/// </summary>
[Trait("Category", "Start")]
public sealed partial class StartScript
{
    [Fact]
    public async Task StartsTheAppPrintsItsUrlsAndStopsEverythingOnSigterm()
    {
        var start = new ProcessStartInfo(RepositoryRoot.Combine("scripts", "start")) { WorkingDirectory = RepositoryRoot.Path };
        var data = Path.Combine("artifacts", "start-test", Guid.NewGuid().ToString("N")[..8]);
        start.Environment["SOCIALWATCH_DATA"] = data;
        try
        {
            await StartAndStopAsync(start);
        }
        finally
        {
            Directory.Delete(RepositoryRoot.Combine(data), recursive: true);
        }
    }

    private static async Task StartAndStopAsync(ProcessStartInfo start)
    {
        await using var script = ChildProcess.Start(start);

        var health = await WaitForUrlAsync(script, HealthLine(), TimeSpan.FromMinutes(5));
        using var client = new HttpClient();
        var answer = await client.GetAsync(health, TestContext.Current.CancellationToken);
        using (var kill = Process.Start("kill", ["-TERM", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(143, await script.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains("stopped", script.Output, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(health, TestContext.Current.CancellationToken));
    }

    private static async Task<Uri> WaitForUrlAsync(ChildProcess script, Regex line, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (line.Match(script.Output) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.False(script.HasExited, $"scripts/start ended (exit {(script.HasExited ? script.ExitCode : 0)}) before printing its URLs:\n{script.Output}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"scripts/start printed no health URL within {timeout}:\n{script.Output}");
        return null!;
    }

    [GeneratedRegex(@"^\s+Health\s+(http://\S+)", RegexOptions.Multiline)]
    private static partial Regex HealthLine();
}
