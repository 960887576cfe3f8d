using System.Diagnostics;
using System.Text;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Packaging;

/// <summary>Runs scripts/publish once into a temporary folder (a framework-dependent Release publish: tens of seconds).</summary>
public sealed class PublishedPackageFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Folder { get; } = Directory.CreateTempSubdirectory("socialwatch-publish-").FullName;

    public string ZipPath => Path.Combine(Folder, "socialwatch.zip");

    public async ValueTask InitializeAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { RepositoryRoot.Combine("scripts", "publish"), "--output", Folder },
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/publish did not finish within {PublishTimeout.TotalMinutes} minutes:{Environment.NewLine}{Text(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/publish exited with {process.ExitCode}:{Environment.NewLine}{Text(output)}");
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
