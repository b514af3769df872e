using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Casualties.Domain.Reference;
using Sylvan.Data.Csv;

namespace Casualties.Ingestion.Reference;

/// <summary>
/// Reads the reference data kept as CSV under seeds/ (conflicts, actors, places, sources, lexicon, victims, side cues,
/// demonyms).
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

    /// <summary>
    /// Reads the reference data from <paramref name="directory"/>, or when null from the folder the class describes;
    /// a missing or malformed file throws, naming the file and line.
    /// </summary>
    public static ReferenceData Load(string? directory = null)
    {
        var dir = Locate(directory);
        var conflicts = Read(dir, "conflicts.csv", r => new Conflict(r.Req("conflict"), r.Req("name"), r.List("countries"), r.List("sides")));
        var curated = Read(dir, "places.csv", ReadPlace);
        var (countries, generated) = GeneratedLayer(dir, curated);
        var sources = Read(dir, "sources.csv", r => new Source(r.Req("name"), r.Opt("kind") ?? "unknown",
            r.Double("reliability") ?? 0.5, r.Opt("country"), r.List("aliases")));
        var demonyms = Read(dir, "demonyms.csv", r => new Demonym(r.Req("demonym"), r.Req("country")));
        return new ReferenceData(
            conflicts,
            [.. sources, .. StateMinistries.For(sources, [.. curated, .. countries], demonyms)],
            Read(dir, "actors.csv", r => new Actor(r.Req("name"), r.Req("conflict"), r.Req("side"),
                r.Opt("kind") ?? "armed_group", r.List("aliases"))),
            [.. curated, .. countries],
            ReadLexicon(dir),
            Read(dir, "victims.csv", r => new VictimTerm(r.Req("term"), r.Req("victims"), r.Opt("victim_side"))),
            Read(dir, "side-cues.csv", r => r.SideOf(conflicts, new SideCue(r.Req("conflict"), r.Req("side"), r.Req("cue"), r.List("words"),
                r.Opt("country"), r.Int("from"), r.Int("to")))),
            generated,
            demonyms);
    }

    /// <summary>The generated layer of the gazetteer (tools/gazetteer), beside the curated places.csv.</summary>
    public const string GeneratedPlacesFile = "places.geonames.csv.gz";

    private static Place ReadPlace(SeedRow r) => new(r.Req("key"), r.Req("name"), r.Opt("parent"), r.Opt("kind") ?? "area",
        r.List("aliases"), r.Double("latitude"), r.Double("longitude"));

    /// <summary>
    /// The generated layer (GeoNames): its countries the curated places.csv lacks, read now (the file starts with them),
    /// and its divisions and towns as a compact <see cref="GeneratedPlaces"/>, read the first time a place context asks
    /// and shared in the process while the file's checksum is the same. A curated row wins over a generated one with its key.
    /// </summary>
    private static (List<Place> Countries, Lazy<GeneratedPlaces>? Layer) GeneratedLayer(string directory, List<Place> curated)
    {
        var path = Path.Combine(directory, GeneratedPlacesFile);
        if (!File.Exists(path)) return ([], null);
        string checksum;
        using (var file = File.OpenRead(path)) checksum = Convert.ToHexStringLower(SHA256.HashData(file));
        var keys = curated.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var countries = new List<Place>();
        foreach (var row in GeneratedRows(path))
        {
            if (row.Parent.Length > 0) break;
            if (!keys.Contains(row.Key)) countries.Add(ToPlace(row));
        }
        return (countries, GeneratedPlaces.Shared(checksum, () => Decompressed(path)));
    }

    /// <summary>The file's text in one array of its exact size (the gzip trailer gives it), not a growing stream's copies.</summary>
    private static byte[] Decompressed(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        var text = new byte[BinaryPrimitives.ReadInt32LittleEndian(trailer)];
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        gzip.ReadExactly(text);
        if (gzip.ReadByte() >= 0) throw new FormatException($"{GeneratedPlacesFile}: longer than its gzip trailer says (one member expected).");
        return text;
    }

    private static Place ToPlace(GeneratedPlaces.Row row) => new(row.Key, row.Name, row.Parent.Length == 0 ? null : row.Parent, row.Kind,
        row.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries), row.Latitude, row.Longitude, Generated: true);

    /// <summary>The generated file's rows, streamed from the gzip (countries first): read here only up to the first division.</summary>
    private static IEnumerable<GeneratedPlaces.Row> GeneratedRows(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var line = 1;
        while (reader.Read())
        {
            line++;
            var r = new SeedRow(reader, GeneratedPlacesFile, line);
            yield return new GeneratedPlaces.Row(r.Req("key"), r.Req("name"), r.Opt("parent") ?? "", r.Opt("kind") ?? "area",
                r.Opt("aliases") ?? "", r.Double("latitude"), r.Double("longitude"));
        }
    }

    /// <summary>lexicon.csv, read by the domain's reader of it (the same that reads the default built into the domain).</summary>
    private static IReadOnlyList<LexiconEntry> ReadLexicon(string directory)
    {
        var path = Path.Combine(directory, LexiconTable.FileName);
        if (!File.Exists(path)) return [];
        using var text = File.OpenText(path);
        return LexiconTable.Read(text);
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

        /// <summary>The cue, when its conflict and side are ones conflicts.csv lists.</summary>
        public SideCue SideOf(IReadOnlyList<Conflict> conflicts, SideCue cue) =>
            conflicts.FirstOrDefault(c => c.Key == cue.Conflict) is not { } conflict
                ? throw new FormatException($"{file} line {line}: conflict '{cue.Conflict}' is not in conflicts.csv.")
                : conflict.Sides.Contains(cue.Side) ? cue
                : throw new FormatException($"{file} line {line}: '{cue.Side}' is not a side of '{cue.Conflict}' in conflicts.csv.");

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
