using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialWatch.Functions;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Packaging;

/// <summary>
/// The zip scripts/publish makes is what a zip deployment of a dotnet-isolated Function App takes: host.json, the generated
/// functions.metadata, worker.config.json and the host-side extensions at its root; and, extracted, it runs under a host.
/// </summary>
[Trait("Category", "Publish")]
public sealed class PublishedPackage(PublishedPackageFixture package, AzuriteFixture azurite) : IClassFixture<PublishedPackageFixture>
{
    [Fact]
    public void HasHostJsonAtTheRoot()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var hostJson = zip.GetEntry("host.json");

        Assert.NotNull(hostJson);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("host.json")), Content(hostJson));
    }

    [Fact]
    public void HasEveryFunctionInTheGeneratedMetadataAndNoFunctionJson()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var packaged = JsonNode.Parse(Content(zip.GetEntry("functions.metadata")!))!.AsArray().Select(f => (string)f!["name"]!);
        var built = JsonNode.Parse(File.ReadAllText(Path.Combine(AppHost.WorkerDirectory, "functions.metadata")))!.AsArray().Select(f => (string)f!["name"]!);

        Assert.Equal(built.Order(StringComparer.Ordinal), packaged.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.Name == "function.json");
    }

    [Fact]
    public void TellsTheHostHowToStartTheWorkerAndCarriesItsExtensions()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var description = JsonNode.Parse(Content(zip.GetEntry("worker.config.json")!))!["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("SocialWatch.Functions.dll", (string?)description["defaultWorkerPath"]);
        Assert.NotNull(zip.GetEntry("SocialWatch.Functions.dll"));
        Assert.NotNull(zip.GetEntry("extensions.json"));
        Assert.Contains(zip.Entries, e => e.FullName == ".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll");
    }

    [Fact]
    public async Task RunsUnderTheHostOnceExtracted()
    {
        var extracted = Directory.CreateTempSubdirectory("socialwatch-package-").FullName;
        try
        {
            await ZipFile.ExtractToDirectoryAsync(package.ZipPath, extracted, TestContext.Current.CancellationToken);
            await using var app = await AppHost.StartAsync(TestSettings.For(azurite, AzuriteFixture.NewPrefix()), workerDirectory: extracted);

            var health = await app.Client.GetFromJsonAsync<GetHealth.HealthReport>("api/health", TestContext.Current.CancellationToken);

            Assert.Equal("healthy", health!.Status);
        }
        finally
        {
            Directory.Delete(extracted, recursive: true);
        }
    }

    private static byte[] Content(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
