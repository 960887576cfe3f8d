namespace SocialWatch.Tests.Infrastructure;

/// <summary>The files the Functions host reads, as they are in the repository: host.json and functions/*/function.json.</summary>
public static class AppFiles
{
    public static string HostJson => RepositoryRoot.Combine("host.json");

    public static string FunctionsFolder => RepositoryRoot.Combine("functions");

    /// <summary>One function.json per function folder directly under functions/ (bin/ and obj/ copies are not functions).</summary>
    public static IEnumerable<string> FunctionJsonFiles() =>
        Directory.EnumerateDirectories(FunctionsFolder)
            .Select(folder => Path.Combine(folder, "function.json"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/');
}
