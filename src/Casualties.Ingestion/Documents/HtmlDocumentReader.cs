using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Casualties.Ingestion.Documents;

/// <summary>
/// An HTML article, read with a real HTML parser (AngleSharp): the text of &lt;article&gt;, else &lt;main&gt;,
/// else the element holding the most paragraph text, as blocks (headings, paragraphs, list items, quotes)
/// separated by blank lines; scripts, navigation, asides, headers, footers and forms left out. Title from
/// og:title, &lt;title&gt; or the first &lt;h1&gt;; date from article:published_time and the other usual meta
/// tags, else a &lt;time datetime&gt;; carrier from og:site_name.
/// </summary>
public static class HtmlDocumentReader
{
    private static readonly string[] DateMeta =
    [
        "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date",
        "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ];

    private static readonly string[] Skipped = ["script", "style", "noscript", "nav", "aside", "header", "footer", "form", "figure", "template", "svg"];
    private const string Blocks = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td";

    public static ParsedDocument Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.Title?.Trim() ?? document.QuerySelector("h1")?.TextContent.Trim();
        var carrier = Meta(document, "og:site_name");
        var date = DateMeta.Select(name => Meta(document, name)).Select(ParseDate).FirstOrDefault(d => d is not null)
            ?? document.QuerySelectorAll("time[datetime]").Select(t => ParseDate(t.GetAttribute("datetime"))).FirstOrDefault(d => d is not null);

        foreach (var element in document.QuerySelectorAll(string.Join(", ", Skipped)).ToList()) element.Remove();
        var container = document.QuerySelector("article") ?? document.QuerySelector("main") ?? LargestTextBlock(document);
        var body = container is null ? "" : BlockText(container);
        return new ParsedDocument("html", body, string.IsNullOrEmpty(title) ? null : title, carrier, date, null);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
                return content.Trim();
        }
        return null;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            return DateOnly.FromDateTime(stamp.Date);
        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;
    }

    /// <summary>The element whose own paragraphs hold the most text (pages without article or main).</summary>
    private static IElement? LargestTextBlock(IDocument document) => document.QuerySelectorAll("p")
        .Where(p => p.ParentElement is not null)
        .GroupBy(p => p.ParentElement!)
        .Select(g => (Element: g.Key, Length: g.Sum(p => p.TextContent.Length)))
        .OrderByDescending(x => x.Length)
        .Select(x => x.Element)
        .FirstOrDefault() ?? document.Body;

    private static string BlockText(IElement container)
    {
        var builder = new StringBuilder();
        var blocks = container.QuerySelectorAll(Blocks)
            .Where(b => !b.Ancestors<IElement>().TakeWhile(a => a != container).Any(a => a.Matches(Blocks)))
            .ToList();
        if (blocks.Count == 0) return Collapse(container.TextContent);
        foreach (var block in blocks)
        {
            var text = Collapse(block.TextContent);
            if (text.Length == 0) continue;
            if (builder.Length > 0) builder.Append("\n\n");
            builder.Append(text);
        }
        return builder.ToString();
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
