using Casualties.Domain.Reference;
using Casualties.Ingestion.Reference;

namespace Casualties.Domain.Tests;

/// <summary>Paths beside the repository and the reference data the tests read.</summary>
internal static class TestData
{
    private static readonly Lazy<ReferenceData> LazyReference = new(() => SeedFiles.Load());

    /// <summary>The seeds (CASUALTIES_SEEDS, or seeds/ of the repository).</summary>
    public static ReferenceData Reference => LazyReference.Value;

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Casualties.sln"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException("Could not find the repository root (Casualties.sln) above the test binaries.");
        }
    }

    /// <summary>shared/seed/ beside the repository root (or beside a folder above it, for worktrees); null when absent.</summary>
    public static string? SharedSeedFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
            {
                var folder = Path.Combine(dir.FullName, "shared", "seed");
                if (Directory.Exists(folder)) return folder;
            }
            return null;
        }
    }

    public static string DataFile(string name) => Path.Combine(RepositoryRoot, "tests", "data", name);
}
