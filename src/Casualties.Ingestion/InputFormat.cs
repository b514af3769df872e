namespace Casualties.Ingestion;

/// <summary>How an input is read, chosen by extension, then content type, then its first characters.</summary>
public enum InputFormat
{
    /// <summary>Neither the name, the type nor the first characters say: the input is rejected.</summary>
    Unknown,
    /// <summary>A plain-text document (.txt).</summary>
    Text,
    /// <summary>An HTML document (.html, .htm, .xhtml).</summary>
    Html,
    /// <summary>A Markdown document (.md, .markdown).</summary>
    Markdown,
    /// <summary>A CSV or TSV table: our own claims format, a dataset's layout or a mapping (.csv, .tsv).</summary>
    Csv,
    /// <summary>Our own claims format as JSON Lines (.jsonl, .ndjson, .json).</summary>
    JsonLines,
}

/// <summary>Choosing an input's <see cref="InputFormat"/>.</summary>
public static class InputFormats
{
    /// <summary>
    /// The format <paramref name="name"/>'s extension says; when it says nothing, the one <paramref name="contentType"/>
    /// (a MIME type, parameters ignored) says; else <see cref="InputFormat.Unknown"/>.
    /// </summary>
    public static InputFormat ByName(string name, string? contentType = null)
    {
        var byExtension = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".txt" or ".text" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".md" or ".markdown" => InputFormat.Markdown,
            ".csv" or ".tsv" => InputFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
            _ => InputFormat.Unknown,
        };
        if (byExtension != InputFormat.Unknown || contentType is null) return byExtension;
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "text/html" or "application/xhtml+xml" => InputFormat.Html,
            "text/markdown" => InputFormat.Markdown,
            "text/csv" or "application/csv" or "text/tab-separated-values" => InputFormat.Csv,
            "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/json" => InputFormat.JsonLines,
            "text/plain" => InputFormat.Text,
            _ => InputFormat.Unknown,
        };
    }

    /// <summary>A guess from the first characters, for inputs whose name and type say nothing.</summary>
    public static InputFormat Sniff(ReadOnlySpan<char> start)
    {
        var text = start.TrimStart("\uFEFF \t\r\n");
        if (text.StartsWith("<")) return InputFormat.Html;
        if (text.StartsWith("{")) return InputFormat.JsonLines;
        if (text.StartsWith("date ", StringComparison.OrdinalIgnoreCase)) return InputFormat.Text;
        return InputFormat.Unknown;
    }

    /// <summary>True for a document (text, HTML, Markdown), read whole and extracted; false for a table or unknown input.</summary>
    public static bool IsDocument(this InputFormat format) => format is InputFormat.Text or InputFormat.Html or InputFormat.Markdown;
}
