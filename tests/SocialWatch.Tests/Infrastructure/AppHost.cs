using System.Diagnostics;
using System.Globalization;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>
/// The app as users run it: our local Functions host (host/) started as a process on a free loopback port, starting the
/// real worker build (functions/bin/{Configuration}/{tfm}) over gRPC, with the given app settings as its environment.
/// Ready once GET /api/health answers 200 through the host, i.e. once the worker has loaded every function. With
/// SOCIALWATCH_HOST=func, Core Tools' func start runs the same worker build instead (where it can be installed).
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private const string RunnerVariables = "AzureWebJobsStorage APPLICATIONINSIGHTS_CONNECTION_STRING";
    private readonly ChildProcess process;

    private AppHost(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    /// <summary>A client of the host's front door (<see cref="BaseAddress"/>).</summary>
    public HttpClient Client { get; }

    /// <summary>What the host and the worker wrote (the worker's logs reach the host over gRPC and its output).</summary>
    public string Output => process.Output;

    public bool HasExited => process.HasExited;

    public TimeSpan SinceStart => process.SinceStart;

    /// <summary>The host's process id; the worker is its child (to read their memory and CPU from /proc).</summary>
    public int ProcessId => process.Id;

    /// <summary>The build folder of the worker (what a deployment ships): worker.config.json, functions.metadata, host.json.</summary>
    public static string WorkerDirectory => BuildOutput("functions", "SocialWatch.Functions.dll");

    /// <summary>The local host's assembly, built with the tests.</summary>
    public static string HostAssembly => Path.Combine(BuildOutput("host", "SocialWatch.Host.dll"), "SocialWatch.Host.dll");

    /// <summary>Starts the host with <paramref name="settings"/> (configuration form, Section:Key) and waits until it serves the API.</summary>
    /// <param name="port">The loopback port of its front door; a free one when null.</param>
    /// <param name="hostAssembly">The host's SocialWatch.Host.dll; the one built with the tests when null.</param>
    public static async Task<AppHost> StartAsync(IReadOnlyDictionary<string, string?> settings, int? port = null, string? workerDirectory = null, TimeSpan? timeout = null, string? hostAssembly = null)
    {
        var host = Launch(settings, port, workerDirectory, hostAssembly);
        try
        {
            await host.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the host without waiting for it: for a test that expects the worker to refuse its settings.</summary>
    public static AppHost Launch(IReadOnlyDictionary<string, string?> settings, int? port = null, string? workerDirectory = null, string? hostAssembly = null)
    {
        port ??= FreePort.Next();
        var worker = workerDirectory ?? WorkerDirectory;
        var start = UnderCoreTools ? CoreToolsStart(worker, port.Value) : LocalHostStart(worker, port.Value, hostAssembly ?? HostAssembly);
        foreach (var name in RunnerVariables.Split(' '))
        {
            // Only what the test gives: no stray storage or telemetry settings from the test runner's environment.
            start.Environment.Remove(name);
        }

        // A development run, as under Core Tools: the worker then admits what only development may (checks of loopback sites).
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in settings)
        {
            // Environment form (Section__Key), as TestSettings.AsEnvironment writes it; not called here, so that the
            // benchmarks can compile this file without the test fixtures TestSettings refers to.
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        return new AppHost(ChildProcess.Start(start), new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until the host's output holds <paramref name="text"/> (a log line of the host or the worker).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Output.Contains(text, StringComparison.Ordinal), $"the app's output to hold '{text}'", timeout ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await process.DisposeAsync();
    }

    /// <summary>SOCIALWATCH_HOST=func: Microsoft's Functions host (Core Tools' func start) instead of ours, where it can be installed (CI).</summary>
    private static bool UnderCoreTools => Environment.GetEnvironmentVariable("SOCIALWATCH_HOST") == "func";

    private static ProcessStartInfo LocalHostStart(string workerDirectory, int port, string hostAssembly)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostAssembly)! };
        start.ArgumentList.Add(hostAssembly);
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["Host__WorkerDirectory"] = workerDirectory;
        return start;
    }

    private static ProcessStartInfo CoreToolsStart(string workerDirectory, int port)
    {
        var start = new ProcessStartInfo("func") { WorkingDirectory = workerDirectory };
        foreach (var argument in new[] { "start", "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        return start;
    }

    /// <summary>Polls GET /api/health through the host every 20 ms until it answers 200 (after <see cref="Launch"/>).</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var health = new Uri(BaseAddress, "api/health");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode} before it served the API:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // The worker is still loading.
            }

            if (process.SinceStart > timeout)
            {
                throw new TimeoutException($"The local host did not serve {health} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static string BuildOutput(string project, string file)
    {
        // The configuration and framework these tests were built in: bin/{Configuration}/{tfm}/ of the test project.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var directory = RepositoryRoot.Combine(project, "bin", testOutput.Parent!.Name, testOutput.Name);
        return File.Exists(Path.Combine(directory, file)) ? directory : throw new InvalidOperationException($"{file} is not in {directory}: build the solution first.");
    }
}
