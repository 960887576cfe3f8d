namespace SocialWatch.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the folder holding SocialWatch.sln, found from the test binaries upwards.</summary>
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SocialWatch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SocialWatch.sln was not found above " + AppContext.BaseDirectory);
    }
}
