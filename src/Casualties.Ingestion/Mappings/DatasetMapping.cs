using System.Text;
using System.Text.Json;
using Casualties.Domain.Model;

namespace Casualties.Ingestion.Mappings;

/// <summary>A column of the file, or a constant, or a column with a constant for its empty cells.</summary>
public sealed record ValueSpec(string? Column, string? Value);

/// <summary>One count column (or low/high pair) and what its figure is: outcome, victim group, part of the event's total or not.</summary>
/// <param name="Outcome">The outcome of the figure (killed when the mapping does not say).</param>
/// <param name="Victims">The victim group (lower case), one the claims table accepts.</param>
/// <param name="VictimSide">For combatants, whose fighters: a side key or the actor's name; null: not said.</param>
/// <param name="Value">The column of a single, exact figure; null when the figure is a range.</param>
/// <param name="Low">The column of the range's low end; null when the figure is a single value.</param>
/// <param name="High">The column of the range's high end; null, or an empty cell: at least <paramref name="Low"/>.</param>
/// <param name="Part">True: a part of the total figure of the same outcome (its parent), as GED's civilians under its best.</param>
public sealed record FigureSpec(Outcome Outcome, string Victims, string? VictimSide, string? Value, string? Low, string? High, bool Part);

/// <summary>
/// A declarative layout for a casualty table (docs/ingestion.md, "Mappings"): which columns hold the record key and
/// version, the dates, the figures (one claim per count column), the source, perpetrator, places and quote. Read
/// from JSON and checked key by key: an unknown key, a wrong type or a missing required key is refused with a
/// <see cref="MappingException"/> naming the key.
/// </summary>
public sealed record DatasetMapping(
    string Name,
    string Dataset,
    IReadOnlyList<string> Signature,
    Encoding? Encoding,
    char? Delimiter,
    int HeaderRow,
    string? SkipRowsStartingWith,
    IReadOnlyList<string> Key,
    string? Version,
    string Start,
    string? End,
    string? Reported,
    IReadOnlyList<string> DateFormats,
    bool DayFirst,
    IReadOnlyList<FigureSpec> Figures,
    ValueSpec? Source,
    ValueSpec? Perpetrator,
    ValueSpec? PerpetratorSide,
    IReadOnlyList<string> Places,
    ValueSpec? Country,
    string? Latitude,
    string? Longitude,
    string? Quote,
    IReadOnlyList<string> Details)
{
    private static readonly string[] TopKeys =
    [
        "name", "description", "dataset", "signature", "encoding", "delimiter", "header_row", "skip_rows_starting_with", "record",
        "dates", "figures", "source", "perpetrator", "perpetrator_side", "places", "country", "latitude", "longitude", "quote", "details",
    ];

    /// <summary>The quarantine format name of rows read through this mapping.</summary>
    public string Format => "mapping:" + Name;

    /// <summary>Every column the mapping names, with the key that names it (for the header check).</summary>
    public IEnumerable<(string Column, string Key)> Columns()
    {
        for (var i = 0; i < Key.Count; i++) yield return (Key[i], Key.Count == 1 ? "record.key" : $"record.key[{i}]");
        if (Version is not null) yield return (Version, "record.version");
        yield return (Start, "dates.start");
        if (End is not null) yield return (End, "dates.end");
        if (Reported is not null) yield return (Reported, "dates.reported");
        for (var i = 0; i < Figures.Count; i++)
        {
            var f = Figures[i];
            if (f.Value is not null) yield return (f.Value, $"figures[{i}].value");
            if (f.Low is not null) yield return (f.Low, $"figures[{i}].low");
            if (f.High is not null) yield return (f.High, $"figures[{i}].high");
        }
        foreach (var (spec, key) in new[] { (Source, "source"), (Perpetrator, "perpetrator"), (PerpetratorSide, "perpetrator_side"), (Country, "country") })
            if (spec?.Column is { } column) yield return (column, key + ".column");
        for (var i = 0; i < Places.Count; i++) yield return (Places[i], $"places[{i}]");
        if (Latitude is not null) yield return (Latitude, "latitude");
        if (Longitude is not null) yield return (Longitude, "longitude");
        if (Quote is not null) yield return (Quote, "quote");
        for (var i = 0; i < Details.Count; i++) yield return (Details[i], $"details[{i}]");
    }

    /// <summary>Reads and checks a mapping; <paramref name="origin"/> names it in errors (its file).</summary>
    public static DatasetMapping Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new MappingException($"{origin}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (document)
        {
            var r = new Reader(origin);
            var root = document.RootElement;
            r.Object(root, "the mapping");
            r.Known(root, "", TopKeys);
            var name = r.RequiredString(root, "", "name");
            var record = r.RequiredObject(root, "", "record");
            r.Known(record, "record.", ["key", "version"]);
            var dates = r.RequiredObject(root, "", "dates");
            r.Known(dates, "dates.", ["start", "end", "reported", "formats", "day_first"]);

            var delimiterText = r.String(root, "", "delimiter");
            char? delimiter = delimiterText switch
            {
                null => null,
                "\\t" or "tab" => '\t',
                { Length: 1 } d => d[0],
                _ => throw new MappingException($"{origin}: 'delimiter' must be one character (or \"tab\"), not '{delimiterText}'."),
            };
            var encodingName = r.String(root, "", "encoding");
            Encoding? encoding = null;
            if (encodingName is not null)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                try
                {
                    encoding = Encoding.GetEncoding(encodingName);
                }
                catch (ArgumentException)
                {
                    throw new MappingException($"{origin}: 'encoding' '{encodingName}' is not an encoding this system knows (utf-8, windows-1252, iso-8859-1, ...).");
                }
            }
            var headerRow = r.Int(root, "", "header_row") ?? 1;
            if (headerRow < 1) throw new MappingException($"{origin}: 'header_row' must be 1 or more, not {headerRow}.");

            var keyElement = record.TryGetProperty("key", out var k) ? k
                : throw new MappingException($"{origin}: 'record.key' is required (the column, or list of columns, that identifies a row).");
            IReadOnlyList<string> key = keyElement.ValueKind == JsonValueKind.String ? [r.RequiredString(record, "record.", "key")]
                : r.Strings(record, "record.", "key");
            if (key.Count == 0) throw new MappingException($"{origin}: 'record.key' names no column.");

            var figuresElement = root.TryGetProperty("figures", out var fe) ? fe
                : throw new MappingException($"{origin}: 'figures' is required (a list of count columns).");
            if (figuresElement.ValueKind != JsonValueKind.Array || figuresElement.GetArrayLength() == 0)
                throw new MappingException($"{origin}: 'figures' must be a non-empty list of count columns.");
            var figures = new List<FigureSpec>();
            var i = 0;
            foreach (var f in figuresElement.EnumerateArray())
            {
                var path = $"figures[{i++}].";
                r.Object(f, path.TrimEnd('.'));
                r.Known(f, path, ["outcome", "victims", "victim_side", "value", "low", "high", "part"]);
                var outcomeText = r.String(f, path, "outcome") ?? "killed";
                if (!OutcomeNames.TryParse(outcomeText, out var outcome))
                    throw new MappingException($"{origin}: '{path}outcome' '{outcomeText}' is not an outcome (killed, injured, displaced, missing, detained).");
                var figure = new FigureSpec(outcome, r.RequiredString(f, path, "victims").ToLowerInvariant(), r.String(f, path, "victim_side"),
                    r.String(f, path, "value"), r.String(f, path, "low"), r.String(f, path, "high"), r.Bool(f, path, "part") ?? false);
                if (figure.Value is null && figure.Low is null)
                    throw new MappingException($"{origin}: '{path}value' or '{path}low' is required (the column of the figure).");
                if (figure.Value is not null && (figure.Low is not null || figure.High is not null))
                    throw new MappingException($"{origin}: '{path}value' and '{path}low'/'{path}high' exclude each other (a single figure, or a range).");
                if (figure.High is not null && figure.Low is null)
                    throw new MappingException($"{origin}: '{path}high' needs '{path}low'.");
                figures.Add(figure);
            }
            foreach (var group in figures.Select((f, index) => (f, index)).GroupBy(x => x.f.Outcome))
            {
                var totals = group.Count(x => !x.f.Part);
                if (group.Any(x => x.f.Part) && totals != 1)
                {
                    throw new MappingException(
                        $"{origin}: 'figures[{group.First(x => x.f.Part).index}].part' needs exactly one figure of outcome {group.Key.ToName()} that is not a part (its total); there are {totals}.");
                }
            }

            var mapping = new DatasetMapping(
                name,
                r.String(root, "", "dataset") ?? name,
                r.Strings(root, "", "signature"),
                encoding,
                delimiter,
                headerRow,
                r.String(root, "", "skip_rows_starting_with"),
                key,
                r.String(record, "record.", "version"),
                r.RequiredString(dates, "dates.", "start"),
                r.String(dates, "dates.", "end"),
                r.String(dates, "dates.", "reported"),
                r.Strings(dates, "dates.", "formats"),
                r.Bool(dates, "dates.", "day_first") ?? false,
                figures,
                r.Spec(root, "source"),
                r.Spec(root, "perpetrator"),
                r.Spec(root, "perpetrator_side"),
                r.Strings(root, "", "places"),
                r.Spec(root, "country"),
                r.String(root, "", "latitude"),
                r.String(root, "", "longitude"),
                r.String(root, "", "quote"),
                r.Strings(root, "", "details"));
            if ((mapping.Latitude is null) != (mapping.Longitude is null))
                throw new MappingException($"{origin}: '{(mapping.Latitude is null ? "latitude" : "longitude")}' is required with '{(mapping.Latitude is null ? "longitude" : "latitude")}'.");
            foreach (var format in mapping.DateFormats) MappedDates.CheckFormat(format, origin);
            return mapping;
        }
    }

    private sealed class Reader(string origin)
    {
        public void Object(JsonElement element, string what)
        {
            if (element.ValueKind != JsonValueKind.Object) throw new MappingException($"{origin}: '{what}' must be a JSON object.");
        }

        public void Known(JsonElement element, string path, IReadOnlyCollection<string> keys)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!keys.Contains(property.Name))
                    throw new MappingException($"{origin}: unknown key '{path}{property.Name}' (expected one of {string.Join(", ", keys)}).");
            }
        }

        public JsonElement RequiredObject(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value)) throw new MappingException($"{origin}: '{path}{name}' is required.");
            Object(value, path + name);
            return value;
        }

        public string? String(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                throw new MappingException($"{origin}: '{path}{name}' must be a non-empty string.");
            return value.GetString()!.Trim() is { Length: > 0 } trimmed ? trimmed : value.GetString();
        }

        public string RequiredString(JsonElement element, string path, string name) =>
            String(element, path, name) ?? throw new MappingException($"{origin}: '{path}{name}' is required.");

        public int? Int(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
                : throw new MappingException($"{origin}: '{path}{name}' must be a whole number.");
        }

        public bool? Bool(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new MappingException($"{origin}: '{path}{name}' must be true or false."),
            };
        }

        public IReadOnlyList<string> Strings(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
            if (value.ValueKind != JsonValueKind.Array) throw new MappingException($"{origin}: '{path}{name}' must be a list of strings.");
            var list = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                    throw new MappingException($"{origin}: '{path}{name}[{i}]' must be a non-empty string.");
                list.Add(item.GetString()!.Trim());
                i++;
            }
            return list;
        }

        /// <summary>"COLUMN" (a column), or {"column": "COLUMN", "value": "CONSTANT"} (either, or both: the constant fills empty cells).</summary>
        public ValueSpec? Spec(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return new ValueSpec(String(root, "", name), null);
            if (value.ValueKind != JsonValueKind.Object)
                throw new MappingException($"{origin}: '{name}' must be a column name or an object with 'column' and/or 'value'.");
            Known(value, name + ".", ["column", "value"]);
            var spec = new ValueSpec(String(value, name + ".", "column"), String(value, name + ".", "value"));
            return spec.Column is null && spec.Value is null
                ? throw new MappingException($"{origin}: '{name}' needs 'column' or 'value'.")
                : spec;
        }
    }
}

/// <summary>A mapping that cannot be used; the message names the file and the key at fault.</summary>
public sealed class MappingException(string message) : Exception(message);
