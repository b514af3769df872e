using System.Globalization;
using System.IO.Compression;
using Casualties.Domain.Reference;
using Sylvan.Data.Csv;

namespace Casualties.Ingestion.Reference;

/// <summary>
/// Reads the reference data kept as CSV under seeds/ (conflicts, actors, places, sources, lexicon, victims).
/// Column detection is by header; multi-valued cells use '|'. A missing file is an empty table;
/// a missing required column or a bad number is an error naming the file and line.
/// </summary>
public static class SeedFiles
{
    /// <summary>Finds seeds/ beside the executable, or in the current folder or one of its parents.</summary>
    public static string Locate(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null)
        {
            return Directory.Exists(explicitDirectory) ? Path.GetFullPath(explicitDirectory)
                : throw new DirectoryNotFoundException($"Seed folder '{explicitDirectory}' does not exist.");
        }
        var fromEnv = Environment.GetEnvironmentVariable("CASUALTIES_SEEDS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return Path.GetFullPath(fromEnv);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (File.Exists(Path.Combine(candidate, "places.csv"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            "Could not find the seeds/ folder (with places.csv): run from the repository, set CASUALTIES_SEEDS, or pass --seeds DIR.");
    }

    public static ReferenceData Load(string? directory = null)
    {
        var dir = Locate(directory);
        return new ReferenceData(
            Read(dir, "conflicts.csv", r => new Conflict(r.Req("conflict"), r.Req("name"), r.List("countries"), r.List("sides"))),
            Read(dir, "sources.csv", r => new Source(r.Req("name"), r.Opt("kind") ?? "unknown",
                r.Double("reliability") ?? 0.5, r.Opt("country"), r.List("aliases"))),
            Read(dir, "actors.csv", r => new Actor(r.Req("name"), r.Req("conflict"), r.Req("side"),
                r.Opt("kind") ?? "armed_group", r.List("aliases"))),
            WithGenerated(Read(dir, "places.csv", ReadPlace), dir),
            Read(dir, "lexicon.csv", r => new LexiconEntry(r.Req("phrase"), r.Int("low") ?? 0, r.Int("high"))),
            Read(dir, "victims.csv", r => new VictimTerm(r.Req("term"), r.Req("victims"), r.Opt("victim_side"))));
    }

    /// <summary>The generated layer of the gazetteer (tools/gazetteer), beside the curated places.csv.</summary>
    public const string GeneratedPlacesFile = "places.geonames.csv.gz";

    private static Place ReadPlace(SeedRow r) => new(r.Req("key"), r.Req("name"), r.Opt("parent"), r.Opt("kind") ?? "area",
        r.List("aliases"), r.Double("latitude"), r.Double("longitude"));

    private static readonly Lock GeneratedLock = new();
    private static (string Path, long Length, DateTime Written, List<Place> Places)? lastGenerated;

    /// <summary>
    /// The curated places, then the generated layer's (GeoNames), marked <see cref="Place.Generated"/>; a curated row wins over a
    /// generated one with the same key. The generated file (~200,000 rows) is read once per process while it is unchanged.
    /// </summary>
    private static List<Place> WithGenerated(List<Place> curated, string directory)
    {
        var path = Path.Combine(directory, GeneratedPlacesFile);
        if (!File.Exists(path)) return curated;
        var info = new FileInfo(path);
        List<Place> generated;
        lock (GeneratedLock)
        {
            if (lastGenerated is { } last && last.Path == info.FullName && last.Length == info.Length && last.Written == info.LastWriteTimeUtc)
            {
                generated = last.Places;
            }
            else
            {
                using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                using var text = new StreamReader(gzip);
                generated = Read(text, GeneratedPlacesFile, r => ReadPlace(r) with { Generated = true });
                lastGenerated = (info.FullName, info.Length, info.LastWriteTimeUtc, generated);
            }
        }
        var keys = curated.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var all = new List<Place>(curated.Count + generated.Count);
        all.AddRange(curated);
        foreach (var place in generated)
        {
            if (!keys.Contains(place.Key)) all.Add(place);
        }
        return all;
    }

    private static List<T> Read<T>(string directory, string fileName, Func<SeedRow, T> map)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path)) return [];
        using var text = File.OpenText(path);
        return Read(text, fileName, map);
    }

    private static List<T> Read<T>(TextReader text, string fileName, Func<SeedRow, T> map)
    {
        var rows = new List<T>();
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var line = 1;
        while (reader.Read())
        {
            line++;
            rows.Add(map(new SeedRow(reader, fileName, line)));
        }
        return rows;
    }

    private readonly struct SeedRow(CsvDataReader reader, string file, int line)
    {
        public string? Opt(string column)
        {
            var ordinal = Ordinal(column, required: false);
            if (ordinal < 0) return null;
            var value = reader.GetString(ordinal).Trim();
            return value.Length == 0 ? null : value;
        }

        public string Req(string column) => Opt(column) ?? (Ordinal(column, required: true) >= 0
            ? throw new FormatException($"{file} line {line}: column '{column}' is empty.")
            : throw new FormatException($"{file}: missing column '{column}'."));

        public IReadOnlyList<string> List(string column) =>
            Opt(column)?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        public double? Double(string column) => Opt(column) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : throw new FormatException($"{file} line {line}: '{text}' in column '{column}' is not a number.")
            : null;

        public int? Int(string column) => Opt(column) is { } text
            ? int.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var i) ? i
                : throw new FormatException($"{file} line {line}: '{text}' in column '{column}' is not a whole number.")
            : null;

        private int Ordinal(string column, bool required)
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (string.Equals(reader.GetName(i).Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
            }
            return required ? throw new FormatException($"{file}: missing column '{column}'.") : -1;
        }
    }
}
