using Casualties.Domain.Extraction;

namespace Casualties.Ingestion.Documents;

/// <summary>
/// Plain text: the seed's format (" date YYYY-MM-DD " then the body on the same line) or any text dated by a
/// sidecar or --date. The body is the text as read, line ends normalised to \n.
/// </summary>
public static class TextDocumentReader
{
    public static ParsedDocument Read(string text)
    {
        var body = Normalize(text);
        DateOnly? date = DocumentText.TryReadDateHeader(body, out var headerDate) ? headerDate : null;
        return new ParsedDocument("text", body, null, null, date, null);
    }

    public static string Normalize(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
