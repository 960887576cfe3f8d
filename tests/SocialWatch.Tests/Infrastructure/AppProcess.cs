using System.Diagnostics;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The real built handler executable (functions/bin/{Configuration}/{tfm}/SocialWatch.Functions) run as its own process,
/// started the way the Functions host starts it: environment variables and the app root as working directory.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly CapturedOutput output = new();

    private AppProcess(Process process) => this.process = process;

    /// <summary>The executable the build produced for the configuration these tests were built in.</summary>
    public static string Executable
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var path = RepositoryRoot.Combine("functions", "bin", configuration, framework, OperatingSystem.IsWindows() ? "SocialWatch.Functions.exe" : "SocialWatch.Functions");
            return File.Exists(path) ? path : throw new InvalidOperationException($"The handler executable is not at {path}: build the solution first.");
        }
    }

    public string Output => output.Text;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Path.GetDirectoryName(Executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test gives: no stray FUNCTIONS_CUSTOMHANDLER_PORT or storage settings from the test runner's environment.
        start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
        start.Environment.Remove("AzureWebJobsStorage");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException($"{Executable} could not be started."));
        app.output.Attach(app.process);
        return app;
    }

    /// <summary>Polls GET / as the host does until any HTTP answer; the host gives up after 30 s.</summary>
    public async Task WaitUntilAnswersAsync(Uri root, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The handler exited with code {process.ExitCode} before answering: {Output}");
            }

            try
            {
                using var response = await client.GetAsync(root);
                return;
            }
            catch (HttpRequestException) when (started.Elapsed < timeout)
            {
                await Task.Delay(20);
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
