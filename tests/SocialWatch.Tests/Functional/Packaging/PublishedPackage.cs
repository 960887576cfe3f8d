using System.IO.Compression;
using System.Net.Http.Json;
using SocialWatch.Functions;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Packaging;

/// <summary>The zip scripts/publish makes is what the Functions host runs: its layout, the handler's execute bit, and that it starts.</summary>
[Trait("Category", "Publish")]
public sealed class PublishedPackage(PublishedPackageFixture package, AzuriteFixture azurite) : IClassFixture<PublishedPackageFixture>
{
    private static readonly string Executable = typeof(Program).Assembly.GetName().Name!;

    [Fact]
    public void HasHostJsonAtTheRoot()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var hostJson = zip.GetEntry("host.json");

        Assert.NotNull(hostJson);
        Assert.Equal(File.ReadAllBytes(AppFiles.HostJson), Content(hostJson));
    }

    [Fact]
    public void HasTheFunctionFoldersOfTheRepository()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var packaged = zip.Entries
            .Where(e => e.FullName.Count(c => c == '/') == 1 && e.Name == "function.json")
            .ToDictionary(e => Path.GetDirectoryName(e.FullName)!, Content);
        var repository = AppFiles.FunctionJsonFiles()
            .ToDictionary(file => Path.GetFileName(Path.GetDirectoryName(file))!, File.ReadAllBytes);

        Assert.Equal(repository.Keys.Order(StringComparer.Ordinal), packaged.Keys.Order(StringComparer.Ordinal));
        Assert.All(repository, function => Assert.Equal(function.Value, packaged[function.Key]));
    }

    [Fact]
    public void KeepsTheHandlerExecutable()
    {
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var handler = zip.GetEntry(Executable);

        Assert.NotNull(handler);
        // Unix permissions sit in the high 16 bits of the entry's external attributes.
        var mode = (UnixFileMode)((handler.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{Executable} is stored with mode {mode}, without the execute bit.");
    }

    [Fact]
    public async Task AnswersTheHostOnceExtracted()
    {
        var extracted = Directory.CreateTempSubdirectory("socialwatch-package-").FullName;
        try
        {
            await ZipFile.ExtractToDirectoryAsync(package.ZipPath, extracted, TestContext.Current.CancellationToken);
            await using var handler = HandlerProcess.Start(Path.Combine(extracted, Executable), TestSettings.AsEnvironment(TestSettings.For(azurite, AzuriteFixture.NewPrefix())));

            // The host gives a custom handler 30 s to answer GET /.
            await handler.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            using var client = new HttpClient { BaseAddress = handler.BaseAddress };
            var health = await client.GetFromJsonAsync<GetHealth.HealthReport>("api/health", TestContext.Current.CancellationToken);

            Assert.Equal(new GetHealth.HealthReport("healthy", "custom-handler"), health);
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
