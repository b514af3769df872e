using Casualties.Ingestion.Input;
using Casualties.Ingestion.Reference;

namespace Casualties.Ingestion.Mappings;

/// <summary>The mappings shipped in seeds/mappings/ (NAME.json), and mappings named by path.</summary>
public static class MappingCatalog
{
    /// <summary>A mapping by path (a .json file) or by the name of a shipped one.</summary>
    public static DatasetMapping Load(string nameOrPath, string? seedsDirectory = null)
    {
        if (File.Exists(nameOrPath)) return DatasetMapping.Parse(File.ReadAllText(nameOrPath), nameOrPath);
        var shipped = Folder(seedsDirectory);
        var path = shipped is null ? null : Path.Combine(shipped, nameOrPath + ".json");
        if (path is not null && File.Exists(path)) return DatasetMapping.Parse(File.ReadAllText(path), path);
        IEnumerable<string?> names = shipped is null ? [] : Directory.EnumerateFiles(shipped, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        throw new MappingException(
            $"mapping '{nameOrPath}' is neither a file nor a shipped mapping (shipped: {string.Join(", ", names)}).");
    }

    /// <summary>Every shipped mapping; none when there is no seeds/ folder.</summary>
    public static IReadOnlyList<DatasetMapping> Shipped(string? seedsDirectory = null)
    {
        var folder = Folder(seedsDirectory);
        return folder is null ? []
            : Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
                .Select(path => DatasetMapping.Parse(File.ReadAllText(path), path)).ToList();
    }

    /// <summary>The shipped mapping whose signature columns the header all has, or null.</summary>
    public static DatasetMapping? Matching(IEnumerable<DatasetMapping> mappings, CsvInput csv) =>
        mappings.Where(m => m.Signature.Count > 0 && m.Signature.All(csv.Has)).MaxBy(m => m.Signature.Count);

    private static string? Folder(string? seedsDirectory)
    {
        string seeds;
        try
        {
            seeds = SeedFiles.Locate(seedsDirectory);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        var folder = Path.Combine(seeds, "mappings");
        return Directory.Exists(folder) ? folder : null;
    }
}
