using Casualties.Ingestion.Input;

namespace Casualties.Ingestion.Feeds;

/// <summary>
/// Reads one cell: <paramref name="cell"/> is its trimmed text (null when empty or the header lacks the column),
/// <paramref name="column"/> the column's documented name, for the message of a <see cref="RowRejectedException"/>.
/// </summary>
public delegate T CellReader<out T>(string? cell, string column);

/// <summary>
/// A CSV dataset layout's columns as one table: each column's name (with any other spellings), whether the header must
/// have it, and how its cells are read (<see cref="FieldParsing"/>). A reader declares its layout and then its columns
/// as static fields, in that order (static fields are initialised in the order written); <see cref="Bind"/> finds the
/// columns in a file's header once, and the rows' cells are then read by position.
/// </summary>
public sealed class CsvLayout
{
    private readonly List<CsvColumn> columns = [];
    private readonly List<string[]> required = [];

    /// <summary>The columns a header must have, in the order declared; each lists its spellings, the documented one first.</summary>
    public IReadOnlyList<string[]> RequiredColumns => required;

    /// <summary>A column the header must have (in any of its spellings), its cells read by <paramref name="read"/>.</summary>
    public CsvColumn<T> Required<T>(string name, CellReader<T> read, params string[] otherSpellings) =>
        Add(new CsvColumn<T>([name, .. otherSpellings], columns.Count, read), isRequired: true);

    /// <summary>A column the header must have, its cells taken as written (null when empty).</summary>
    public CsvColumn<string?> Required(string name) => Required(name, static (cell, _) => cell);

    /// <summary>A column the header may lack (its cells then read as empty), read by <paramref name="read"/>.</summary>
    public CsvColumn<T> Optional<T>(string name, CellReader<T> read) => Add(new CsvColumn<T>([name], columns.Count, read), isRequired: false);

    /// <summary>A column the header may lack, its cells taken as written (null when empty).</summary>
    public CsvColumn<string?> Optional(string name) => Optional(name, static (cell, _) => cell);

    /// <summary>The layout's columns in <paramref name="csv"/>'s header (ordinal -1 for one it lacks), to read its rows.</summary>
    public CsvCells Bind(CsvInput csv)
    {
        var ordinals = new int[columns.Count];
        foreach (var column in columns)
        {
            ordinals[column.Index] = column.Spellings.Select(csv.Ordinal).FirstOrDefault(o => o >= 0, -1);
        }
        return new CsvCells(csv, ordinals);
    }

    private CsvColumn<T> Add<T>(CsvColumn<T> column, bool isRequired)
    {
        columns.Add(column);
        if (isRequired) required.Add([.. column.Spellings]);
        return column;
    }
}

/// <summary>A column of a <see cref="CsvLayout"/>.</summary>
public abstract class CsvColumn
{
    private protected CsvColumn(string[] spellings, int index) => (Spellings, Index) = (spellings, index);

    /// <summary>The documented name, which messages about the column's cells use.</summary>
    public string Name => Spellings[0];

    /// <summary>The header names accepted for the column, the documented one first.</summary>
    public IReadOnlyList<string> Spellings { get; }

    /// <summary>The column's position in its layout (not in a file).</summary>
    internal int Index { get; }
}

/// <summary>A column of a <see cref="CsvLayout"/> whose cells read as <typeparamref name="T"/>.</summary>
public sealed class CsvColumn<T> : CsvColumn
{
    internal CsvColumn(string[] spellings, int index, CellReader<T> read)
        : base(spellings, index) => Read = read;

    internal CellReader<T> Read { get; }
}

/// <summary>A layout's columns found in one file's header: reads the current row's cells by position.</summary>
public sealed class CsvCells
{
    private readonly CsvInput csv;
    private readonly int[] ordinals;

    internal CsvCells(CsvInput csv, int[] ordinals) => (this.csv, this.ordinals) = (csv, ordinals);

    /// <summary>
    /// The current row's cell of <paramref name="column"/>, read as the layout says; a value that does not read rejects
    /// the row (<see cref="RowRejectedException"/>) naming the column.
    /// </summary>
    public T Get<T>(CsvColumn<T> column) => column.Read(csv.Get(ordinals[column.Index]), column.Name);
}
