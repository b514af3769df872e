namespace Casualties.Testing;

/// <summary>Finds the repository root (the folder holding Casualties.sln) and shared/ beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the repository root, where the design documents and the seed gold live.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Casualties.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Could not find Casualties.sln above " + AppContext.BaseDirectory);
    }
}
