using Casualties.Domain.Extraction;

namespace Casualties.Ingestion.Documents;

/// <summary>
/// Plain text: the seed's format (" date YYYY-MM-DD " then the body on the same line) or any text dated by a
/// sidecar or --date. The body is the text as read, line ends normalised to \n.
/// </summary>
public static class TextDocumentReader
{
    /// <summary>
    /// The body of <paramref name="text"/> (normalised), dated by its seed-format header when it has one; no title or carrier.
    /// </summary>
    public static ParsedDocument Read(string text)
    {
        var body = Normalize(text);
        DateOnly? date = DocumentText.TryReadDateHeader(body, out var headerDate) ? headerDate : null;
        return new ParsedDocument("text", body, null, null, date, null);
    }

    /// <summary><paramref name="text"/> without a leading byte-order mark, every \r\n and lone \r turned into \n.</summary>
    public static string Normalize(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
