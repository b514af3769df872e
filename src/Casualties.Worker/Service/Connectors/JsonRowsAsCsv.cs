using System.Text;
using System.Text.Json;

namespace Casualties.Worker.Service.Connectors;

/// <summary>
/// An API page's rows (JSON objects) written as the CSV the same dataset's download has, so that they are read by
/// the same reader into the same records and claims (UcdpGedReader, AcledReader): one header line, then row i of the
/// page on line i + 2. A string is written as it is, a number as its JSON text, true/false as 1/0, null as empty.
/// </summary>
public static class JsonRowsAsCsv
{
    /// <summary>The CSV text of <paramref name="rows"/>: the header line, then one line per row, each ending in '\n'.</summary>
    /// <param name="rows">The page's rows; one that is not a JSON object gives a line of empty cells.</param>
    /// <param name="columns">The header, in order; a row's other properties are left out.</param>
    /// <param name="value">Rewrites a column's text where the API's format differs from the download's (null: as is).</param>
    public static string Write(IReadOnlyList<JsonElement> rows, IReadOnlyList<string> columns, Func<string, string, string>? value = null)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) csv.Append(',');
                var text = row.ValueKind == JsonValueKind.Object && row.TryGetProperty(columns[i], out var cell) ? Text(cell) : "";
                if (value is not null && text.Length > 0) text = value(columns[i], text);
                csv.Append(Quote(text));
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Every property name of the rows, in the order first seen (for APIs whose rows are the download's columns).</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<JsonElement> rows)
    {
        var seen = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in row.EnumerateObject())
                if (known.Add(property.Name)) seen.Add(property.Name);
        }
        return seen;
    }

    private static string Text(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => cell.GetString() ?? "",
        JsonValueKind.Number => cell.GetRawText(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => cell.GetRawText(),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
