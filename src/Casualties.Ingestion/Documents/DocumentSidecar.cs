using System.Text.Json;
using Casualties.Ingestion.Feeds;

namespace Casualties.Ingestion.Documents;

/// <summary>
/// What a document's sidecar (NAME.meta.json or NAME.EXT.meta.json beside it) says about it:
/// {"date": "YYYY-MM-DD", "carrier": "...", "title": "...", "source": "..."}; every field optional.
/// </summary>
public sealed record DocumentSidecar(DateOnly? Date, string? Carrier, string? Title, string? Source)
{
    /// <summary>What a sidecar's file name ends with; such files are read with their document, never ingested themselves.</summary>
    public const string Suffix = ".meta.json";

    /// <summary>True when <paramref name="path"/> names a sidecar (ends with <see cref="Suffix"/>, in any case).</summary>
    public static bool IsSidecar(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sidecar of a document file, or null when it has none.</summary>
    public static DocumentSidecar? For(string documentPath)
    {
        var directory = Path.GetDirectoryName(documentPath) ?? ".";
        var candidates = new[]
        {
            Path.Combine(directory, Path.GetFileNameWithoutExtension(documentPath) + Suffix),
            documentPath + Suffix,
        };
        var path = candidates.FirstOrDefault(File.Exists);
        return path is null ? null : Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads a sidecar's JSON; <paramref name="origin"/> names the file in errors. Blank strings count as absent, text is
    /// trimmed; JSON or a date that does not parse rejects the document with the reason.
    /// </summary>
    public static DocumentSidecar Parse(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                && v.GetString() is { Length: > 0 } s ? s.Trim() : null;
            var dateText = Text("date");
            DateOnly? date = null;
            if (dateText is not null)
            {
                try { date = FieldParsing.Day(dateText, "date"); }
                catch (RowRejectedException e) { throw new InputRejectedException($"sidecar {origin}: {e.Message}"); }
            }
            return new DocumentSidecar(date, Text("carrier"), Text("title"), Text("source"));
        }
        catch (JsonException e)
        {
            throw new InputRejectedException($"sidecar {origin} is not valid JSON: {e.Message}");
        }
    }
}
