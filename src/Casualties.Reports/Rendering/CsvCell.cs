namespace Casualties.Reports.Rendering;

/// <summary>
/// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell that begins
/// with =, +, -, @, tab or CR gets a leading single quote so spreadsheets show it as text instead of running it
/// as a formula.
/// </summary>
public static class CsvCell
{
    /// <summary>The value as a cell, empty for null.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
