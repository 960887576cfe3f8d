using System.Diagnostics;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The real built handler executable (functions/bin/{Configuration}/{tfm}/SocialWatch.Functions) run as its own process,
/// started the way the Functions host starts it: environment variables and the app root as working directory.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private AppProcess(ChildProcess process) => this.process = process;

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

    public string Output => process.Output;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable) { WorkingDirectory = Path.GetDirectoryName(Executable)! };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test gives: no stray mode, storage or telemetry settings from the test runner's environment.
        start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
        start.Environment.Remove("AzureWebJobsStorage");
        start.Environment.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new AppProcess(ChildProcess.Start(start));
    }

    /// <summary>Polls GET / as the host does until any HTTP answer; the host gives up after 30 s.</summary>
    public Task WaitUntilAnswersAsync(Uri root, TimeSpan timeout) => process.WaitUntilAnswersAsync(root, timeout);

    public Task<int> WaitForExitAsync(TimeSpan timeout) => process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
