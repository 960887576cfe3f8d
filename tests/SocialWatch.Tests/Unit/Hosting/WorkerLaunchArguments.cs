using SocialWatch.Host.Worker;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>How the host starts the worker: from worker.config.json, with the Functions host's own arguments and environment.</summary>
public sealed class WorkerLaunchArguments : IDisposable
{
    private static readonly Uri Grpc = new("http://127.0.0.1:50123/");

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("worker-");

    [Fact]
    public void RunsTheWorkerPathWithTheFunctionsArguments()
    {
        var launch = Load("""{ "description": { "language": "dotnet-isolated", "defaultExecutablePath": "dotnet", "defaultWorkerPath": "SocialWatch.Functions.dll", "workerIndexing": "true" } }""");

        Assert.Equal("dotnet", launch.ExecutablePath);
        Assert.Equal(
            ["SocialWatch.Functions.dll", "--functions-uri", "http://127.0.0.1:50123/", "--functions-worker-id", "worker-1", "--functions-request-id", "request-1", "--functions-grpc-max-message-length", "2147483647"],
            launch.Arguments(Grpc, "worker-1", "request-1"));
    }

    [Fact]
    public void PutsTheExecutableArgumentsBeforeAndTheWorkerArgumentsAfterTheWorkerPath()
    {
        var launch = Load("""{ "description": { "defaultExecutablePath": "dotnet", "arguments": ["exec", "--roll-forward", "Major"], "defaultWorkerPath": "SocialWatch.Functions.dll", "workerArguments": ["--verbose"] } }""");

        Assert.Equal(["exec", "--roll-forward", "Major", "SocialWatch.Functions.dll", "--verbose", "--functions-uri"], launch.Arguments(Grpc, "w", "r").Take(6));
    }

    [Fact]
    public void StartsInTheWorkerDirectoryWithItAsTheApplicationDirectory()
    {
        var launch = Load("""{ "description": { "defaultExecutablePath": "dotnet", "defaultWorkerPath": "SocialWatch.Functions.dll" } }""");

        var start = launch.StartInfo(Grpc, "worker-1", "request-1");

        Assert.Equal(directory.FullName, start.WorkingDirectory);
        Assert.Equal(directory.FullName, start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"]);
        Assert.Equal(directory.FullName, start.Environment["FUNCTIONS_WORKER_DIRECTORY"]);
        Assert.False(start.Environment.ContainsKey("ASPNETCORE_URLS"));
        Assert.Equal(launch.Arguments(Grpc, "worker-1", "request-1"), start.ArgumentList);
    }

    [Theory]
    [InlineData("""{ "description": { "defaultWorkerPath": "SocialWatch.Functions.dll" } }""", "has no description.defaultExecutablePath")]
    [InlineData("""{ "description": { "defaultExecutablePath": "dotnet", "defaultWorkerPath": "Missing.dll" } }""", "names the worker 'Missing.dll', which is not in")]
    [InlineData("""{ "language": "dotnet-isolated" }""", "has no 'description' object")]
    [InlineData("""{ "description": """, "is not valid JSON")]
    public void RefusesAConfigItCannotStart(string config, string expected)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Load(config));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Delete(recursive: true);

    private WorkerLaunch Load(string config)
    {
        File.WriteAllText(Path.Combine(directory.FullName, "worker.config.json"), config);
        File.WriteAllText(Path.Combine(directory.FullName, "SocialWatch.Functions.dll"), string.Empty);
        return WorkerLaunch.Load(directory.FullName);
    }
}
