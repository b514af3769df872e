using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Casualties.Ingestion.Input;

/// <summary>
/// A CSV file read one row at a time (Sylvan), with its columns found by header name (case-insensitive,
/// trimmed), the physical line each row starts on (quoted fields may hold line breaks), and rows that
/// cannot be read reported as problems instead of thrown: a row with a different number of fields than the
/// header (a truncated last line, a stray delimiter), or malformed quoting (the rest of the file is then unreadable).
/// </summary>
public sealed class CsvInput : IDisposable
{
    private readonly CsvDataReader reader;
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
    private int nextLine;

    private CsvInput(CsvDataReader reader, string headerLine, int headerLineNumber)
    {
        this.reader = reader;
        HeaderLine = headerLine;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i).Trim().TrimStart('\uFEFF').Trim();
            columns.TryAdd(name, i);
        }
        nextLine = headerLineNumber + 1;
    }

    /// <summary>The header as a CSV line, kept with quarantined rows so each can be read again alone.</summary>
    public string HeaderLine { get; }

    /// <summary>The header's column names, trimmed; a repeated name counts once (its first column).</summary>
    public IReadOnlyCollection<string> Columns => columns.Keys;

    /// <summary>The number of columns in the header.</summary>
    public int FieldCount => reader.FieldCount;

    /// <summary>The physical line (1-based) the current row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>Why the current row cannot be used as it is, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Set when the file cannot be read further (malformed quoting); the current row is the last.</summary>
    public bool Broken { get; private set; }

    /// <summary>
    /// Opens CSV text at its header. A header that cannot be read throws <see cref="Feeds.InputRejectedException"/>;
    /// column names are matched without regard to case.
    /// </summary>
    /// <param name="text">The CSV, header first; disposed with the result.</param>
    /// <param name="headerLineNumber">The line number of the header (1 for a file; a retried row's header stands just above it).</param>
    /// <param name="delimiter">The field delimiter; null: detected from the header line.</param>
    public static CsvInput Open(TextReader text, int headerLineNumber = 1, char? delimiter = null)
    {
        var options = new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = true,
            Comment = '\0',
            BufferSize = 1 << 16,
            MaxBufferSize = 1 << 24,
            HeaderComparer = StringComparer.OrdinalIgnoreCase,
            Culture = CultureInfo.InvariantCulture,
        };
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(text, options);
        }
        catch (CsvFormatException e)
        {
            throw new Feeds.InputRejectedException($"the CSV header cannot be read: {e.Message}");
        }
        var header = string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => Quote(reader.GetName(i).TrimStart('\uFEFF'))));
        return new CsvInput(reader, header, headerLineNumber);
    }

    /// <summary>True when the header has <paramref name="column"/> (any case).</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The ordinal of <paramref name="column"/> in the header, or -1 when the header lacks it.</summary>
    public int Ordinal(string column) => columns.GetValueOrDefault(column, -1);

    /// <summary>The first of the named columns the header lacks, or null when it has all.</summary>
    public string? MissingOf(IEnumerable<string> required) => required.FirstOrDefault(c => !columns.ContainsKey(c));

    /// <summary>Advances to the next row; false at the end of the file or after a broken row.</summary>
    public bool Read()
    {
        if (Broken) return false;
        Problem = null;
        Line = nextLine;
        try
        {
            if (!reader.Read()) return false;
        }
        catch (CsvFormatException e)
        {
            Problem = $"malformed CSV from here on ({e.Message.TrimEnd('.')}); the rest of the file was not read";
            Broken = true;
            return true;
        }
        var breaks = 0;
        for (var i = 0; i < reader.RowFieldCount; i++) breaks += reader.GetFieldSpan(i).Count('\n');
        nextLine = Line + 1 + breaks;
        if (reader.RowFieldCount != reader.FieldCount)
        {
            Problem = reader.RowFieldCount < reader.FieldCount
                ? $"row has {reader.RowFieldCount} field(s), the header has {reader.FieldCount} (truncated line?)"
                : $"row has {reader.RowFieldCount} fields, the header has {reader.FieldCount} (an unquoted delimiter?)";
        }
        return true;
    }

    /// <summary>The trimmed value of a column, null when the column is absent or the cell empty.</summary>
    public string? Get(int ordinal)
    {
        if (ordinal < 0 || ordinal >= reader.RowFieldCount) return null;
        var span = reader.GetFieldSpan(ordinal).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>As <see cref="Get(int)"/>, by the column's name.</summary>
    public string? Get(string column) => Get(Ordinal(column));

    /// <summary>
    /// The current row's field at <paramref name="ordinal"/>, trimmed, without copying; empty when the row has no such field.
    /// </summary>
    public ReadOnlySpan<char> Span(int ordinal) =>
        ordinal < 0 || ordinal >= reader.RowFieldCount ? [] : reader.GetFieldSpan(ordinal).Trim();

    /// <summary>The current row written back as one CSV line (what quarantine keeps as its raw text).</summary>
    public string Raw()
    {
        var builder = new StringBuilder();
        try
        {
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                if (i > 0) builder.Append(',');
                builder.Append(Quote(reader.GetFieldSpan(i).ToString()));
            }
        }
        catch (Exception e) when (Broken && e is CsvFormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            // After malformed quoting the reader holds no usable row: keep what was rebuilt.
        }
        return builder.ToString();
    }

    /// <summary>Appends the row's fields to a hash, for a record's content hash.</summary>
    public void HashInto(Feeds.RecordHash hash)
    {
        for (var i = 0; i < reader.RowFieldCount; i++) hash.Add(reader.GetFieldSpan(i));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Closes the reader and the text under it.</summary>
    public void Dispose() => reader.Dispose();
}
