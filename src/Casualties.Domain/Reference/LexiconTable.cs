using System.Globalization;
using Sylvan.Data.Csv;

namespace Casualties.Domain.Reference;

/// <summary>
/// The vague-number lexicon as CSV (<c>phrase,low,high</c>, seeds/lexicon.csv): one reader for the reference data's file
/// and for the default the domain carries, which is that same file built into this assembly as a resource, not a copy.
/// </summary>
/// <remarks>
/// Columns are found by header (case and surrounding spaces ignored); an empty cell is no value; <c>low</c> defaults to 0
/// and an empty <c>high</c> means no upper bound. A missing column, an empty phrase or a bad number is an error naming
/// the file and line.
/// </remarks>
public static class LexiconTable
{
    /// <summary>The lexicon's file name among the seeds.</summary>
    public const string FileName = "lexicon.csv";

    private const string ResourceName = "Casualties.Domain.Reference.lexicon.csv";

    /// <summary>The lexicon of seeds/lexicon.csv as built into this assembly: the default when reference data brings none.</summary>
    public static IReadOnlyList<LexiconEntry> Default { get; } = ReadBuiltIn();

    /// <summary>The lexicon's rows in the CSV <paramref name="text"/>; <paramref name="fileName"/> names it in errors.</summary>
    public static IReadOnlyList<LexiconEntry> Read(TextReader text, string fileName = FileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<LexiconEntry>();
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var phrase = Ordinal(reader, "phrase");
        var low = Ordinal(reader, "low");
        var high = Ordinal(reader, "high");
        var line = 1;
        while (reader.Read())
        {
            line++;
            var phraseText = Cell(reader, phrase)
                ?? throw new FormatException(phrase < 0 ? $"{fileName}: missing column 'phrase'." : $"{fileName} line {line}: column 'phrase' is empty.");
            rows.Add(new LexiconEntry(phraseText, Int(reader, low, "low", fileName, line) ?? 0, Int(reader, high, "high", fileName, line)));
        }
        return rows;
    }

    private static IReadOnlyList<LexiconEntry> ReadBuiltIn()
    {
        using var stream = typeof(LexiconTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks its built-in {FileName} ({ResourceName}).");
        using var text = new StreamReader(stream);
        return Read(text, $"{FileName} (built in)");
    }

    private static int Ordinal(CsvDataReader reader, string column)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i).Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static string? Cell(CsvDataReader reader, int ordinal)
    {
        if (ordinal < 0) return null;
        var value = reader.GetString(ordinal).Trim();
        return value.Length == 0 ? null : value;
    }

    private static int? Int(CsvDataReader reader, int ordinal, string column, string fileName, int line) => Cell(reader, ordinal) is { } text
        ? int.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value
            : throw new FormatException($"{fileName} line {line}: '{text}' in column '{column}' is not a whole number.")
        : null;
}
