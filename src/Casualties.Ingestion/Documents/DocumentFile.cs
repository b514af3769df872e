namespace Casualties.Ingestion.Documents;

/// <summary>A document's text read by its format: what ingest stores and extract prints come from the same reading.</summary>
public static class DocumentFile
{
    /// <summary>Reads <paramref name="text"/> as HTML or Markdown when <paramref name="format"/> says so, else as plain text.</summary>
    public static ParsedDocument Parse(InputFormat format, string text) => format switch
    {
        InputFormat.Html => HtmlDocumentReader.Read(text),
        InputFormat.Markdown => MarkdownDocumentReader.Read(text),
        _ => TextDocumentReader.Read(text),
    };

    /// <summary>The publication date: the sidecar's, else the document's own (header, meta tag), else the fallback.</summary>
    public static DateOnly? DateOf(ParsedDocument parsed, DocumentSidecar? sidecar, DateOnly? fallback) =>
        sidecar?.Date ?? parsed.Date ?? fallback;
}
