using Casualties.Domain.Extraction;
using Casualties.Domain.Model;
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

    public static string DataFile(string name) => Path.Combine(RepositoryRoot, "tests", "data", name);

    /// <summary>The one claim the seeds' extractor reads in <paramref name="text"/> published on <paramref name="day"/>; the test fails unless there is exactly one.</summary>
    /// <summary>Every claim the extractor reads in <paramref name="text"/>, published on <paramref name="day"/>.</summary>
    public static IReadOnlyList<Claim> Extract(string text, DateOnly day) => new ClaimExtractor(Reference).Extract(text, day);

    public static Claim OnlyClaim(string text, DateOnly day)
    {
        var claims = new ClaimExtractor(Reference).Extract(text, day);
        Assert.That(claims, Has.Count.EqualTo(1), () => "claims read: " + string.Join("; ", claims.Select(c => c.Quote)));
        return claims[0];
    }
}
