using Casualties.Domain.Extraction;
using Markdig;
using Markdig.Syntax;

namespace Casualties.Ingestion.Documents;

/// <summary>
/// Markdown: an optional front matter block (--- date: / title: / carrier: / source: ---) or the seed's date
/// header, the first level-1 heading as title, and the body as plain text (Markdig), so the extractor reads
/// words, not markup.
/// </summary>
public static class MarkdownDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>Reads <paramref name="text"/> as the class says: front matter or date header, title, then the body as plain text.</summary>
    public static ParsedDocument Read(string text)
    {
        var markdown = TextDocumentReader.Normalize(text);
        var front = FrontMatter(ref markdown);
        DateOnly? date = front.TryGetValue("date", out var dateText) && DateOnly.TryParse(dateText, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        if (date is null && DocumentText.TryReadDateHeader(markdown, out var headerDate, out var bodyStart))
        {
            date = headerDate;
            markdown = markdown[bodyStart..].TrimStart();
        }
        var parsed = Markdown.Parse(markdown, Pipeline);
        var heading = parsed.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var title = front.GetValueOrDefault("title") ?? (heading?.Inline is null ? null
            : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString())).Trim());
        var body = Markdown.ToPlainText(markdown, Pipeline).Trim();
        return new ParsedDocument("markdown", body, string.IsNullOrEmpty(title) ? null : title,
            front.GetValueOrDefault("carrier"), date, front.GetValueOrDefault("source"));
    }

    private static Dictionary<string, string> FrontMatter(ref string markdown)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal)) return values;
        var end = markdown.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0) return values;
        foreach (var line in markdown[4..end].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) values[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"', '\'');
        }
        var after = markdown.IndexOf('\n', end + 4);
        markdown = after < 0 ? "" : markdown[(after + 1)..];
        return values;
    }
}
